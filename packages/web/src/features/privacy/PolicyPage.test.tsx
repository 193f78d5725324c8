import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { policyDocument } from './privacy.fixtures';

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('PolicyPage and AccessLogPage', { timeout: 30_000 }, () => {
  it('lists every version with its changes and reads an old one in the language on screen', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/policies': {
        body: {
          currentVersion: 2,
          prevailingLanguage: 'en',
          versions: [policyDocument(2), policyDocument(1)].map(
            ({ version, significant, changes, publishedAt, url }) => ({
              version,
              significant,
              changes,
              publishedAt,
              url,
            }),
          ),
        },
      },
      'GET /api/policies/2': {
        body: policyDocument(2, { language: 'zh-CN', summary: '第二版摘要' }),
      },
      'GET /api/policies/1': {
        body: policyDocument(1, {
          language: 'zh-CN',
          current: false,
          summary: '第一版摘要',
          text: '# 隐私政策\n\n第一版全文，\n接着一行。\n\n## 一、我们收集什么\n\n- **手机号码**：用于登录。\n- 密码：\n  只保存哈希值。',
        }),
      },
    });
    renderApp('/privacy/policy', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const changes = await screen.findByRole('list', { name: '第 2 版的变更内容' });
    expect(within(changes).getByText('Location data is kept for 30 days')).toBeDefined();
    expect(await screen.findByText('第二版摘要')).toBeDefined();
    expect(screen.getByText('各语言文本不一致时，以English文本为准。')).toBeDefined();

    await user.click(screen.getByRole('button', { name: '阅读第 1 版' }));
    // The full text is Markdown: headings nest under the page's own, lists are lists.
    const fullText = await screen.findByRole('region', { name: '全文' });
    expect(within(fullText).getByRole('heading', { level: 5, name: '隐私政策' })).toBeDefined();
    expect(
      within(fullText).getByRole('heading', { level: 6, name: '一、我们收集什么' }),
    ).toBeDefined();
    expect(within(fullText).getByText('第一版全文，接着一行。')).toBeDefined();
    const items = within(fullText).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '手机号码：用于登录。',
      '密码：只保存哈希值。',
    ]);
    expect(within(items[0]!).getByText('手机号码').tagName).toBe('STRONG');
    expect(fullText.textContent).not.toContain('#');
    const read = sent.find((r) => r.path === '/api/policies/1')!;
    expect(read.query).toEqual({ lang: 'zh-CN' });
  });

  it('shows who accessed my data and pages back', async () => {
    const entry = (seq: number, over: Record<string, unknown>) => ({
      seq,
      at: Date.UTC(2026, 11, 1, seq),
      actorKind: 'operator',
      byYou: false,
      action: 'outbox.read',
      purpose: 'Support ticket 12: code not received',
      detail: {},
      ...over,
    });
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/access-log': (request) =>
        request.query.before
          ? {
              body: {
                entries: [
                  entry(1, {
                    actorKind: 'user',
                    byYou: true,
                    action: 'data.exported',
                    purpose: null,
                  }),
                ],
                nextBefore: null,
              },
            }
          : {
              body: {
                entries: [
                  entry(3, {
                    actorKind: 'user',
                    action: 'organization.enterprise_password_reset',
                    purpose: null,
                  }),
                  entry(2, {}),
                ],
                nextBefore: 2,
              },
            },
    });
    renderApp('/privacy/access-log', fetch);
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Who accessed my data' });
    expect(within(table).getByText('A platform operator')).toBeDefined();
    expect(within(table).getByText('Read the message with your code')).toBeDefined();
    expect(within(table).getByText('Support ticket 12: code not received')).toBeDefined();
    expect(within(table).getByText('Your organization set a new password')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await within(table).findByText('Downloaded your data export')).toBeDefined();
    expect(within(table).getByText('You')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
    expect(sent.filter((r) => r.path === '/api/privacy/access-log').at(-1)!.query).toEqual({
      limit: '50',
      before: '2',
    });
  });
});
