import { defineTexts } from '../../i18n/texts.ts';

const vi = {
  kind: 'Loại',
  employee: 'Cán bộ, người lao động (có quá trình công tác)',
  resident: 'Cư dân (nông dân, học sinh, người dân cư trú tại xã)',
  residence: 'Nơi cư trú',
  residenceHint: 'Xã, phường nơi người này cư trú và thôn (ấp, bản, tổ dân phố).',
  commune: 'Xã, phường',
  village: 'Thôn, ấp, tổ dân phố',
  address: 'Địa chỉ',
  validFrom: 'Cư trú từ ngày',
  heading: 'Nơi cư trú',
  period: '{{from}} – {{to}}',
  now: 'nay',
  residentOf: 'Cư dân – {{village}}',
};
const en: typeof vi = {
  kind: 'Kind',
  employee: 'Official or worker (with an employment)',
  resident: 'Resident (farmer, student, citizen living in a commune)',
  residence: 'Residence',
  residenceHint: 'The commune this person lives in, and the village.',
  commune: 'Commune',
  village: 'Village',
  address: 'Address',
  validFrom: 'Living there since',
  heading: 'Residence',
  period: '{{from}} – {{to}}',
  now: 'now',
  residentOf: 'Resident – {{village}}',
};

export const residentsTexts = defineTexts('residents', { vi, en });
