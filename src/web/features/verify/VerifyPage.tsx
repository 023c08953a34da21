import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { HealthFooter } from '../../app/HealthFooter.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { tidyCode, useVerification, type Verification } from './api.ts';
import { certificatesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/**
 * The public page a certificate's QR code opens (/xac-minh/<code>), and the form to type a code
 * (/xac-minh). No sign-in: it shows what the paper shows, and whether the award still stands.
 */
export function VerifyPage({ code }: { code?: string }) {
  const { t } = useTexts(certificatesTexts);
  usePageTitle(t('title'));
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <PublicHeader />
      <Center component="main" id="main-content" style={{ flex: 1, alignItems: 'flex-start' }} p="md">
        <Stack w="100%" maw={640} gap="md" mt="lg">
          <Title order={1} size="h2">{t('title')}</Title>
          {code ? <Result code={code} /> : <Text>{t('intro')}</Text>}
          <CodeForm initial={code ? '' : undefined} />
        </Stack>
      </Center>
      <Box component="footer" px="md" py="xs">
        <Group justify="space-between">
          <HealthFooter />
          <AnchorLink to="/dang-nhap" size="sm">{t('signIn')}</AnchorLink>
        </Group>
      </Box>
    </Box>
  );
}

function PublicHeader() {
  const { t } = useTexts(appTexts);
  return (
    <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between">
        <Text fw={700} fz="lg" c="blue.9">{t('app.name')}</Text>
        <LanguageSwitch />
      </Group>
    </Box>
  );
}

function CodeForm({ initial }: { initial?: string | undefined }) {
  const { t } = useTexts(certificatesTexts);
  const navigate = useNavigate();
  const [value, setValue] = useState(initial ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = tidyCode(value);
    if (code === '') return setError(t('codeRequired'));
    setError(undefined);
    void navigate({ to: '/xac-minh/$code', params: { code } });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="verify-form">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={initial === undefined ? t('codeLabel') : t('checkAnother')}
            placeholder={t('codePlaceholder')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            ff="monospace"
            style={{ flex: 1, minWidth: 220 }}
            data-testid="verify-code"
          />
          <Button type="submit" data-testid="verify-submit">{t('check')}</Button>
        </Group>
      </form>
    </Paper>
  );
}

const TONES = {
  valid: { color: 'green', key: 'valid' },
  revoked: { color: 'red', key: 'revoked' },
  not_found: { color: 'orange', key: 'notFound' },
} as const;

function Result({ code }: { code: string }) {
  const { t } = useTexts(certificatesTexts);
  const query = useVerification(code);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const { status, award } = query.data;
  const tone = TONES[status];
  const body = status === 'revoked' && award
    ? t('revoked.body', { number: award.revocationNumber, date: formatDate(award.revokedOn) })
    : t(`${tone.key}.body`);
  return (
    <Stack gap="sm" data-testid="verify-result" data-status={status}>
      <Alert color={tone.color} variant={status === 'not_found' ? 'light' : 'filled'} title={t(`${tone.key}.title`)} role="status">
        <Text size="sm" c={status === 'not_found' ? undefined : 'white'}>{body}</Text>
        <Text size="sm" ff="monospace" mt={4} c={status === 'not_found' ? 'dimmed' : 'white'}>{t('codeShown', { code })}</Text>
      </Alert>
      {award && <AwardFacts award={award} revoked={status === 'revoked'} />}
    </Stack>
  );
}

function AwardFacts({ award, revoked }: { award: NonNullable<Verification['award']>; revoked: boolean }) {
  const { t } = useTexts(certificatesTexts);
  const decision = t('decision', { number: award.decisionNumber, date: award.decidedOn ? t('decisionDate', { date: formatDate(award.decidedOn) }) : '' });
  const rows: [string, string][] = [
    [t('fields.recipient'), award.recipientName],
    [t('fields.unit'), award.unitName],
    [t('fields.award'), award.awardFormName],
    [t('fields.year'), String(award.year)],
    [t('fields.decision'), decision],
    [t('fields.decidedBy'), award.decidedBy],
    ...(revoked ? [[t('fields.revocation'), t('decision', { number: award.revocationNumber, date: t('decisionDate', { date: formatDate(award.revokedOn) }) })] as [string, string]] : []),
  ];
  return (
    <Paper withBorder p="md">
      <Table variant="vertical" layout="fixed" withRowBorders>
        <Table.Tbody>
          {rows.filter(([, v]) => v.trim() !== '').map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={{ base: 130, sm: 200 }}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
