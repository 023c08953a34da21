import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../app/links.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { formatDate } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { usePublicConsultation, useSendComment } from './api.ts';
import { CommentList } from './CommentList.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { consultationTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/gop-y/$consultationId');
const BODY_MAX = 2000;

/** /gop-y/$consultationId: the published list, its published comments, and a form to comment — no sign-in. */
export function PublicConsultationPage() {
  const { consultationId } = route.useParams();
  const { t } = useTexts(consultationTexts);
  const query = usePublicConsultation(consultationId);
  usePageTitle(query.data?.title ?? t('public.heading'));
  const send = useSendComment(consultationId);
  const [about, setAbout] = useState<string | null>('');
  const [authorName, setAuthorName] = useState('');
  const [contact, setContact] = useState('');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);

  const c = query.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    send.mutate({
      ...(about ? { candidateNo: Number(about) } : {}),
      ...(authorName.trim() ? { authorName: authorName.trim() } : {}),
      ...(contact.trim() ? { contact: contact.trim() } : {}),
      body,
    }, { onSuccess: () => { setSent(true); setBody(''); } });
  };

  return (
    <PublicLayout>
      <Stack>
        <AnchorLink to="/gop-y">{t('public.back')}</AnchorLink>
        {query.isPending && <Loading />}
        <ErrorAlert error={query.error} />
        {c && (
          <>
            <Title order={1} size="h2">{c.title}</Title>
            <Text>{t('public.publisher')}: {c.publisher}</Text>
            <Text>{t('public.channel')}: {c.channel}</Text>
            <Text>{t('public.period')}: {t('public.periodValue', { start: formatDate(c.startsOn), end: formatDate(c.endsOn), days: c.workingDays })}</Text>

            <Title order={2} size="h3">{t('public.list')}</Title>
            <ScrollTable minWidth={640} label={t('public.list')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('public.no')}</Table.Th><Table.Th>{t('public.name')}</Table.Th><Table.Th>{t('public.position')}</Table.Th>
                    <Table.Th>{t('public.unit')}</Table.Th><Table.Th>{t('public.award')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.candidates.map((k) => (
                    <Table.Tr key={k.no}>
                      <Table.Td>{k.no}</Table.Td><Table.Td>{k.name}</Table.Td><Table.Td>{k.position}</Table.Td>
                      <Table.Td>{k.unit}</Table.Td><Table.Td>{k.award}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>

            <Title order={2} size="h3">{t('public.comments')}</Title>
            <CommentList comments={c.comments} labels={{
              empty: t('public.noComments'), anonymous: t('public.anonymous'), whole: t('public.aboutWhole'),
              about: (no) => t('public.aboutCandidate', { no }), date: formatDate,
            }} />

            <Title order={2} size="h3">{t('public.formHeading')}</Title>
            {!c.open ? <Alert variant="light" color="gray">{t('public.closed')}</Alert> : (
              <Paper withBorder p="md">
                <form onSubmit={submit}>
                  <Stack>
                    <Alert variant="light" color="blue">{t('public.moderationNote')}</Alert>
                    <Select label={t('public.about')} value={about} onChange={setAbout} allowDeselect={false}
                      data={[{ value: '', label: t('public.whole') }, ...c.candidates.map((k) => ({ value: String(k.no), label: `${k.no}. ${k.name}` }))]} />
                    <TextInput label={t('public.authorName')} maxLength={120} value={authorName} onChange={(e) => setAuthorName(e.currentTarget.value)} />
                    <TextInput label={t('public.contact')} maxLength={200} value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
                    <Textarea label={t('public.body')} description={t('public.bodyHint', { max: BODY_MAX })} required minRows={4} autosize
                      maxLength={BODY_MAX} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="comment-body" />
                    <ErrorAlert error={send.error} />
                    {sent && <Alert color="green" variant="light" role="status">{t('public.sent')}</Alert>}
                    <Button type="submit" loading={send.isPending} w="fit-content">{t('public.send')}</Button>
                  </Stack>
                </form>
              </Paper>
            )}
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
