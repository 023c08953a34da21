import { Stack, Text } from '@mantine/core';
import { Facts } from '../../app/Facts.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import type { OrgDetail, OrgRef } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

function orgLink(org: OrgRef | null) {
  if (!org) return null;
  return (
    <AnchorLink to="/to-chuc/$id" params={{ id: org.id }}>
      {org.name}
    </AnchorLink>
  );
}

export function OrgInfoTab({ org }: { org: OrgDetail }) {
  const { t } = useTexts(appTexts);
  return (
    <Stack>
      <Facts
        items={[
          { label: t('org.fields.name'), value: org.name },
          { label: t('org.fields.shortName'), value: org.shortName },
          { label: t('org.fields.code'), value: org.code },
          { label: t('org.fields.kind'), value: t(`org.kinds.${org.kind}`) },
          { label: t('org.fields.level'), value: t(`org.levels.${org.level}`) },
          { label: t('org.fields.adminCode'), value: org.adminCode },
          { label: t('org.fields.agencyCode'), value: org.agencyCode },
          { label: t('org.fields.validFrom'), value: formatDate(org.validFrom) },
          { label: t('org.fields.validTo'), value: formatDate(org.validTo) },
          { label: t('org.fields.parent'), value: orgLink(org.parent) },
          { label: t('org.fields.successor'), value: orgLink(org.successor) },
          ...(org.currentSuccessor && org.currentSuccessor.id !== org.successor?.id
            ? [{ label: t('org.fields.currentSuccessor'), value: orgLink(org.currentSuccessor) }]
            : []),
          {
            label: t('org.fields.predecessors'),
            value:
              org.predecessors.length === 0 ? null : (
                <Stack gap={6}>
                  {org.predecessors.map((p) => (
                    <div key={p.id}>
                      {orgLink(p)}
                      {p.validTo && (
                        <Text size="sm" c="dimmed">
                          {t('org.activeUntil', { date: formatDate(p.validTo) })}
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              ),
          },
          { label: t('org.fields.standingAgency'), value: orgLink(org.standingAgency) },
        ]}
      />
    </Stack>
  );
}
