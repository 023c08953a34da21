import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { formatDate, formatInstant, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { useRemind, useRemindOverdue } from './api.ts';
import type { MovementDetail, ResponseState, Responses } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

const STATE_COLORS: Record<ResponseState, string> = { done: 'green', pending: 'orange', overdue: 'red', not_due: 'gray' };

function StateBadge({ state, kind }: { state: ResponseState; kind: 'planStates' | 'registrationStates' }) {
  const mv = useTexts(movementsTexts);
  return (
    <Badge variant={state === 'overdue' ? 'filled' : 'light'} color={STATE_COLORS[state]}>
      {mv.t(`responses.${kind}.${state}`)}
    </Badge>
  );
}

function RemindButton({ movement, organisation }: { movement: MovementDetail; organisation: { id: string; name: string } }) {
  const mv = useTexts(movementsTexts);
  const remind = useRemind(movement.id);
  const [opened, setOpened] = useState(false);
  const [sent, setSent] = useState(false);
  const [message, setMessage] = useState(() => mv.t('responses.defaultMessage', { organisation: organisation.name, movement: movement.name }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    remind.mutate(
      { organisationId: organisation.id, message: message.trim() },
      {
        onSuccess: () => {
          setOpened(false);
          setSent(true);
        },
      },
    );
  };
  return (
    <>
      <Button size="xs" variant="default" aria-label={mv.t('responses.remindLabel', { name: organisation.name })} onClick={() => setOpened(true)}>
        {mv.t('responses.remind')}
      </Button>
      {sent && (
        <Text size="xs" role="status">
          {mv.t('responses.sent')}
        </Text>
      )}
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('responses.remindTitle', { name: organisation.name })} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Textarea label={mv.t('responses.message')} required minLength={5} autosize minRows={4} value={message} onChange={(e) => setMessage(e.currentTarget.value)} data-autofocus />
            <FormFooter error={remind.error} busy={remind.isPending} disabled={message.trim().length < 5} onCancel={() => setOpened(false)} submitLabel={mv.t('responses.send')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

type ResponseItem = Responses['items'][number];

/** Overdue on its plan or registration, and not reminded yet today (the server counts the same way). */
const owesReminder = (r: ResponseItem) => (r.responsePlan.state === 'overdue' || r.registration.state === 'overdue')
  && (!r.lastReminderAt || todayIso(new Date(r.lastReminderAt)) !== todayIso());

/** One click reminds every overdue unit, after a confirmation naming how many and which. */
function RemindAllButton({ movement, items }: { movement: MovementDetail; items: ResponseItem[] }) {
  const mv = useTexts(movementsTexts);
  const remind = useRemindOverdue(movement.id);
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState(() => mv.t('responses.remindAllMessage', { movement: movement.name }));
  const due = items.filter(owesReminder);
  const overdue = items.some((r) => r.responsePlan.state === 'overdue' || r.registration.state === 'overdue');
  if (!overdue && !remind.data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    remind.mutate({ message: message.trim() }, { onSuccess: () => setOpened(false) });
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="filled" disabled={due.length === 0} onClick={() => { remind.reset(); setOpened(true); }} data-testid="remind-all">
        {due.length > 0 ? mv.t('responses.remindAllCount', { count: due.length }) : mv.t('responses.remindAll')}
      </Button>
      {due.length === 0 && overdue && !remind.data && <Text size="sm">{mv.t('responses.remindAllNone')}</Text>}
      {remind.data && (
        <Text size="sm" role="status" data-testid="remind-all-result">
          {mv.t('responses.remindAllDone', { count: remind.data.reminded })}
          {remind.data.alreadyToday > 0 && ` ${mv.t('responses.remindAllSkipped', { count: remind.data.alreadyToday })}`}
        </Text>
      )}
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('responses.remindAll')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" data-testid="remind-all-confirm">
              {mv.t('responses.remindAllConfirm', { count: due.length, names: due.map((r) => r.organisation.name).join(', ') })}
            </Text>
            <Textarea label={mv.t('responses.message')} required minLength={5} autosize minRows={4} value={message}
              onChange={(e) => setMessage(e.currentTarget.value)} data-autofocus />
            <FormFooter error={remind.error} busy={remind.isPending} disabled={message.trim().length < 5} onCancel={() => setOpened(false)}
              submitLabel={mv.t('responses.remindAllSend', { count: due.length })} />
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

/** Which units below the issuer have issued their response plan and registered, and who is overdue. */
export function ResponsesTab({ movement, responses }: { movement: MovementDetail; responses: Responses }) {
  const mv = useTexts(movementsTexts);
  return (
    <Stack>
      {(responses.responsePlanDue || responses.registrationDue) && (
        <Alert variant="light" color="blue">
          {responses.responsePlanDue && <Text size="sm">{mv.t('responses.responsePlanDue', { date: formatDate(responses.responsePlanDue) })}</Text>}
          {responses.registrationDue && <Text size="sm">{mv.t('responses.registrationDue', { date: formatDate(responses.registrationDue) })}</Text>}
        </Alert>
      )}
      {movement.canWrite && <RemindAllButton movement={movement} items={responses.items} />}
      <ScrollTable minWidth={820} label={mv.t('responses.caption')}>
        <Table striped aria-label={mv.t('responses.caption')} data-testid="movement-responses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{mv.t('responses.organisation')}</Table.Th>
              <Table.Th scope="col">{mv.t('responses.responsePlan')}</Table.Th>
              <Table.Th scope="col">{mv.t('responses.registration')}</Table.Th>
              <Table.Th scope="col">{mv.t('responses.lastReminder')}</Table.Th>
              {movement.canWrite && <Table.Th scope="col">{mv.t('responses.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {responses.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={movement.canWrite ? 5 : 4}>{mv.t('responses.empty')}</Table.Td>
              </Table.Tr>
            )}
            {responses.items.map((r) => {
              const done = r.responsePlan.state === 'done' && r.registration.state === 'done';
              return (
                <Table.Tr key={r.organisation.id} data-testid="response-row" data-state={r.responsePlan.state} data-organisation={r.organisation.name}>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <StateBadge state={r.responsePlan.state} kind="planStates" />
                      {r.responsePlan.movementId && r.responsePlan.state === 'done' && (
                        <AnchorLink to="/phong-trao/$id" params={{ id: r.responsePlan.movementId }} search={{}} size="sm">
                          {r.responsePlan.issuedOn ? mv.t('responses.issuedOn', { date: formatDate(r.responsePlan.issuedOn) }) : r.organisation.name}
                        </AnchorLink>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <StateBadge state={r.registration.state} kind="registrationStates" />
                      {r.registration.registeredAt && <Text size="sm">{formatInstant(r.registration.registeredAt)}</Text>}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.lastReminderAt ? formatInstant(r.lastReminderAt) : '—'}</Table.Td>
                  {movement.canWrite && <Table.Td>{!done && <RemindButton movement={movement} organisation={r.organisation} />}</Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
