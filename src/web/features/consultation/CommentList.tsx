import { Paper, Stack, Text } from '@mantine/core';
import type { PublicComment } from './api.ts';

export interface CommentListLabels { empty: string; anonymous: string; whole: string; about: (no: number) => string; date: (iso: string) => string }

/**
 * The published comments, as plain text: React escapes what the public wrote, so a "<script>" in a
 * comment is shown as those characters and never runs (comment-list.test.ts renders one). Never use
 * dangerouslySetInnerHTML here. No i18n import, so it renders outside the app too.
 */
export function CommentList({ comments, labels }: { comments: PublicComment[]; labels: CommentListLabels }) {
  if (comments.length === 0) return <Text c="dimmed">{labels.empty}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {comments.map((c, i) => (
        <Paper key={i} withBorder p="sm" component="li">
          <Text size="sm" c="dimmed">
            {c.authorName || labels.anonymous} · {labels.date(c.date)} · {c.candidateNo === null ? labels.whole : labels.about(c.candidateNo)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="public-comment">{c.body}</Text>
        </Paper>
      ))}
    </Stack>
  );
}
