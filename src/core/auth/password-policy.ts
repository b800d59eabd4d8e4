// Password rules of the 等保2.0 二级 baseline, each value configurable. Pure: returns the problems in Chinese.

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must mix. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

export function passwordProblems(password: string, username: string, policy = DEFAULT_PASSWORD_POLICY): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`密码长度至少 ${policy.minLength} 位`);
  const used = CLASSES.filter(([re]) => re.test(password)).length;
  if (used < policy.minClasses) {
    problems.push(`密码须包含${CLASSES.map(([, name]) => name).join('、')}中的至少 ${policy.minClasses} 类`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
