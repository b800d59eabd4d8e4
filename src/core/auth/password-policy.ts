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
  if (isCommonPassword(password)) problems.push('密码过于常见、容易被猜中（如 Password1、12345678Aa），请换一个');
  return problems;
}

// Common passwords that meet the class rules: a word everybody tries, or one or two letters around a run of digits.
const COMMON_WORDS = new Set([
  'password',
  'passwd',
  'passw',
  'pass',
  'admin',
  'administrator',
  'root',
  'user',
  'test',
  'guest',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'qwer',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcv',
  'zxcvbn',
  'abc',
  'abcd',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'iloveyou',
  'woaini',
  'letmein',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'china',
  'beijing',
  'tianjin',
  'wuqing',
  'huawei',
  'changeme',
  'secret',
  'system',
  'manager',
  'login',
  'hello',
  'love',
  'qazwsx',
  'qweasd',
  'aaaa',
  'aaaaaa',
  'sys',
  'sa',
  'oracle',
]);

/** Digits in one run (1234, 9876, 1111), or short. */
function trivialDigits(digits: string): boolean {
  if (digits.length < 4) return true;
  const step = Number(digits[1]) - Number(digits[0]);
  if (Math.abs(step) > 1) return /^(\d\d)\1+$/.test(digits) || digits === '19491001';
  for (let i = 2; i < digits.length; i++) if (Number(digits[i]) - Number(digits[i - 1]) !== step) return false;
  return true;
}

export function isCommonPassword(password: string): boolean {
  // Read as a word, @, 0 and $ are letters (P@ssw0rd); counted as letters beside digits they are not, or Qq000000
  // and Cn19491001 would pass for four letters.
  const word = password.toLowerCase().replace(/@/g, 'a').replace(/0/g, 'o').replace(/\$/g, 's');
  const letters = password.toLowerCase().replace(/[^a-z]/g, '');
  const digits = password.replace(/[^0-9]/g, '');
  if (COMMON_WORDS.has(word.replace(/[^a-z]/g, '')) || COMMON_WORDS.has(letters)) return true;
  // Two letters or fewer beside digits in a plain run: 12345678Aa, Aa123456!, Qq111111
  return letters.length <= 2 && trivialDigits(digits);
}
