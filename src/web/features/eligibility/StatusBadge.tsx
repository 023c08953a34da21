import { Badge, Box, Group, List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import type { CriteriaTree, Finding, Status } from './types.ts';
import { recordsTexts } from '../records/text.ts';
import { useTexts } from '../../i18n/texts.ts';

export const STATUS_COLOURS: Record<Status, string> = { met: 'green', attest: 'yellow', unmet: 'red' };
const MARKS: Record<Status, string> = { met: '✓', attest: '?', unmet: '✗' };

/** Đủ điều kiện (green) / Cần xác nhận (yellow) / Chưa đủ điều kiện (red). */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTexts(recordsTexts);
  return (
    // yellow needs dark text to be readable (WCAG contrast)
    <Badge color={STATUS_COLOURS[status]} variant={status === 'attest' ? 'filled' : 'light'} autoContrast data-status={status}>
      {t(`eligibility.status.${status}`)}
    </Badge>
  );
}

/** ✓ / ✗ / ? before a criterion; the word is there for screen readers. */
function Mark({ status }: { status: Status }) {
  const { t } = useTexts(recordsTexts);
  return (
    <ThemeIcon size="sm" radius="xl" color={STATUS_COLOURS[status]} autoContrast variant={status === 'attest' ? 'filled' : 'light'}>
      <span aria-hidden="true">{MARKS[status]}</span>
      <VisuallyHidden>{t(`eligibility.mark.${status}`)}</VisuallyHidden>
    </ThemeIcon>
  );
}

/** The criteria tree as judged for one subject: each criterion with its mark, the facts found and what is missing. */
export function FindingTree({ finding }: { finding: Finding }) {
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="finding-tree">
      <FindingItem finding={finding} />
    </Box>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { t } = useTexts(recordsTexts);
  return (
    <Box component="li" mt={4} data-status={finding.status}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Mark status={finding.status} />
        <div>
          <Text size="sm">{finding.text}</Text>
          {finding.facts.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('eligibility.facts')}: {finding.facts.join('; ')}
            </Text>
          )}
          {finding.missing.length > 0 && (
            <Text size="xs" c="red.9">
              {t('eligibility.missing')}: {finding.missing.join('; ')}
            </Text>
          )}
        </div>
      </Group>
      {finding.children.length > 0 && (
        <Box component="ul" m={0} ps="lg" style={{ listStyle: 'none' }}>
          {finding.children.map((child, i) => (
            <FindingItem key={i} finding={child} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** The criteria of a rule as the catalogue words them (no judgement). */
export function CriteriaList({ tree }: { tree: CriteriaTree }) {
  return (
    <List size="sm" spacing={2} withPadding>
      <List.Item>
        {tree.text}
        {tree.children.length > 0 && (
          <List size="sm" spacing={2} withPadding>
            {tree.children.map((child, i) => (
              <CriteriaListItem key={i} tree={child} />
            ))}
          </List>
        )}
      </List.Item>
    </List>
  );
}

function CriteriaListItem({ tree }: { tree: CriteriaTree }) {
  return (
    <List.Item>
      {tree.text}
      {tree.children.length > 0 && (
        <List size="sm" spacing={2} withPadding>
          {tree.children.map((child, i) => (
            <CriteriaListItem key={i} tree={child} />
          ))}
        </List>
      )}
    </List.Item>
  );
}
