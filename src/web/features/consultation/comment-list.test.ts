import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { CommentList } from './CommentList.tsx';

const labels = { empty: 'Chưa có ý kiến', anonymous: 'Ẩn danh', whole: 'Về cả danh sách', about: (no: number) => `Về số ${no}`, date: (d: string) => d };

describe('published comments on the public page', () => {
  it('a <script> comment is shown as text and is inert', () => {
    const body = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    const html = renderToStaticMarkup(createElement(MantineProvider, null,
      createElement(CommentList, { comments: [{ candidateNo: 1, authorName: '<b>Kẻ lạ</b>', body, date: '2026-12-01' }], labels })));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;Kẻ lạ&lt;/b&gt;');
  });
});
