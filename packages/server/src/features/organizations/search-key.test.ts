import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memberSearchKey, searchTerms } from './search-key';

/** Whether a query finds a key the way the directory's LIKE does. */
const finds = (key: string, query: string) => searchTerms(query).some((term) => key.includes(term));

describe('member search key', () => {
  const zhang = memberSearchKey({
    name: '张三',
    position: '销售经理',
    officePhone: '+65 6123 4567',
  });

  it('holds the name, full pinyin, initials, position and phone digits', () => {
    assert.equal(zhang, '|张三|zhangsan|zs|销售经理|6561234567|');
  });

  for (const query of [
    '张三',
    'zhangsan',
    'ZhangSan',
    'zhang san',
    'zs',
    'zhangs',
    '张san',
    '销售',
    '6123',
  ])
    it(`finds 张三 by "${query}"`, () => assert.ok(finds(zhang, query)));

  it('does not find 张三 by an unrelated name', () => {
    assert.equal(finds(zhang, 'lisi'), false);
    assert.equal(finds(zhang, '李四'), false);
  });

  it('keeps Latin names as they are, without invented initials', () => {
    const key = memberSearchKey({ name: 'Anna Lee' });
    assert.equal(key, '|annalee|');
    assert.ok(finds(key, 'anna'));
    assert.ok(finds(key, 'Anna Lee'));
  });

  it('handles names mixing Chinese and Latin', () => {
    const key = memberSearchKey({ name: 'David 王' });
    assert.ok(finds(key, 'davidwang'));
    assert.ok(finds(key, 'dw'));
    assert.ok(finds(key, '王'));
  });
});
