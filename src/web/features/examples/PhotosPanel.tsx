import { useState } from 'react';
import { Alert, Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { staffPhotoUrl, useRemovePhoto, useUploadPhoto, type ExampleDetail } from './api.ts';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

const IMAGE_TYPES = ['image/jpeg', 'image/png'];

/** The record's photos, and — for those who may edit it — an upload (JPEG/PNG, checked again by the server) and removal. */
export function PhotosPanel({ example }: { example: ExampleDetail }) {
  const { t } = useTexts(examplesTexts);
  const { t: common } = useTexts(appTexts);
  const upload = useUploadPhoto(example.id);
  const remove = useRemovePhoto(example.id);
  const [caption, setCaption] = useState('');
  const [wrongType, setWrongType] = useState(false);

  const send = (file: File | null) => {
    setWrongType(false);
    if (!file) return;
    if (!IMAGE_TYPES.includes(file.type)) return setWrongType(true);
    upload.mutate({ file, caption }, { onSuccess: () => setCaption('') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="example-photos">
      <Stack gap="sm">
        <Title order={2} size="h3" id="example-photos">{t('detail.photosHeading')}</Title>
        {example.photos.length === 0 && <Text c="dimmed">{t('detail.noPhotos')}</Text>}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {example.photos.map((p, i) => (
            <Stack key={p.id} gap={4} component="figure" m={0}>
              <Image src={staffPhotoUrl(example.id, p.id)} alt={t('detail.photoAlt', { n: i + 1, caption: p.caption || example.title })}
                radius="sm" h={180} fit="cover" />
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text component="figcaption" size="sm">{p.caption}</Text>
                {example.canWrite && (
                  <ConfirmButton size="compact-xs" variant="subtle" color="red" question={t('detail.removeConfirm')} confirmLabel={t('detail.removePhoto')}
                    label={`${t('detail.removePhoto')} ${i + 1}`} onConfirm={() => remove.mutateAsync(p.id)}>
                    {common('common.delete')}
                  </ConfirmButton>
                )}
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
        {example.canWrite && (
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('detail.caption')} maxLength={300} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
              <FileButton onChange={send} accept="image/jpeg,image/png" inputProps={{ 'aria-label': t('detail.addPhoto'), 'data-testid': 'photo-input' } as never}>
                {(props) => <Button {...props} variant="light" loading={upload.isPending} data-testid="photo-upload">{t('detail.addPhoto')}</Button>}
              </FileButton>
            </Group>
            <Text size="sm" c="dimmed">{t('detail.photoHint')}</Text>
            {wrongType && <Alert color="red" variant="light" role="alert">{t('detail.imageOnly')}</Alert>}
            <ErrorAlert error={upload.error ?? remove.error} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
