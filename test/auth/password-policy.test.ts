// The password rules of the 等保2.0 二级 baseline (src/core/auth/password-policy.ts), as a user setting a password
// meets them: each broken rule is one Chinese sentence, and the passwords everybody tries are refused even when
// they mix enough kinds of characters. Pure: the same rules the account pages and the admin CLI apply.
import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblems } from '../../src/core/auth/password-policy.ts';

const TOO_COMMON = '密码过于常见、容易被猜中（如 Password1、12345678Aa），请换一个';

describe('passwordProblems', () => {
  it('accepts a password of 8 characters mixing three kinds, without the user name', () => {
    expect(passwordProblems('Tp#25xkq', 'zhangsan')).toEqual([]);
    expect(passwordProblems('tp#2026xkq', 'zhangsan')).toEqual([]); // three kinds: lower, symbol, digit
  });

  it('counts characters, not UTF-16 units: 7 characters are too short even when they take 10 units', () => {
    expect(passwordProblems('Tp#25xk', 'zhangsan')).toEqual(['密码长度至少 8 位']);
    expect(passwordProblems('天平Tpk#2', 'zhangsan')).toEqual(['密码长度至少 8 位']);
    expect(passwordProblems('😀😀😀Tpk2', 'zhangsan')).toEqual(['密码长度至少 8 位']);
  });

  it('names the four kinds and how many are needed', () => {
    expect(passwordProblems('tpkqxwzm25', 'zhangsan')).toEqual([
      '密码须包含小写字母、大写字母、数字、符号中的至少 3 类',
    ]);
    expect(passwordProblems('TPKQXW#!', 'zhangsan')).toEqual(['密码须包含小写字母、大写字母、数字、符号中的至少 3 类']);
    // Symbols are anything but letters and digits: a space or a Chinese character counts.
    expect(passwordProblems('tpkq xw25', 'zhangsan')).toEqual([]);
    expect(passwordProblems('tpkq天xw25', 'zhangsan')).toEqual([]);
  });

  it('refuses the user name inside the password, whatever its case, and ignores an empty name', () => {
    expect(passwordProblems('ZhangSan#2026', 'zhangsan')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('Tp#25xkq', '')).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    expect(passwordProblems('admin1', 'admin')).toEqual([
      '密码长度至少 8 位',
      '密码须包含小写字母、大写字母、数字、符号中的至少 3 类',
      '密码不能包含用户名',
      TOO_COMMON,
    ]);
  });

  it('takes a stricter policy from the settings', () => {
    const policy = { minLength: 12, minClasses: 4 };
    expect(passwordProblems('tp#25xkq', 'zhangsan', policy)).toEqual([
      '密码长度至少 12 位',
      '密码须包含小写字母、大写字母、数字、符号中的至少 4 类',
    ]);
    expect(passwordProblems('Tp#25xkqWmzr', 'zhangsan', policy)).toEqual([]);
  });
});

describe('isCommonPassword: the passwords everybody tries', () => {
  it.each([
    'Password1',
    'P@ssw0rd!',
    'Pa$$word1',
    'Admin@2026',
    'Wuqing2021!',
    '12345678Aa',
    'Aa123456!',
    'Qq111111',
    'Ab98765432',
    'Ab13131313', // a repeated pair
    'Cn19491001',
    'Qq000000', // zeros are digits here, not the o of passw0rd
    'Aa@123456',
    'A1b2c!', // too few digits to be a pattern
    'Ab19!',
  ])('%s is refused', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    'Tp#25xkq',
    'Ab13572468', // steps of 2, then −5: no run
    'Zz2468!', // steps of 2 are not a run
    'Ab12340', // 1234 then 0: the run breaks
    'Xyz12345!', // three letters: not one or two letters around digits
    'Qq1311', // neither a run nor a repeated pair
    'Ab5131313', // a repeated pair after another digit
    'Ab1313135', // a repeated pair before another digit
  ])('%s is not', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
  // The words everybody tries first (the list of src/core/auth/password-policy.ts), capitalised, with a symbol and a
  // year: mixing kinds of characters does not make them safe.
  const WORDS = [
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
  ];
  it.each(WORDS)('%s with a capital, a symbol and a year is refused', (word) => {
    const password = `${word[0]?.toUpperCase()}${word.slice(1)}#2026`;
    expect(passwordProblems(password, 'zhangsan')).toContain(TOO_COMMON);
  });
});
