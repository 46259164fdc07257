import type { ComponentType } from 'react';
import { GeneralSection } from './GeneralSection';
import { PeopleSection } from './people/PeopleSection';
import { TokensSection } from './tokens/TokensSection';
import { SecretsSection } from './secrets/SecretsSection';
import { PrivacySection } from './privacy/PrivacySection';
import { AuditSection } from './audit/AuditSection';
import { LanguageModelSection } from './languageModel/LanguageModelSection';

export interface SettingsSection {
  /** In the URL (`?section=`) and the i18n key `settings:sections.<id>`. */
  id: string;
  Component: ComponentType;
}

/** The organisation page's tabs, in order; a new admin area adds one entry here. */
export const SETTINGS_SECTIONS: readonly [SettingsSection, ...SettingsSection[]] = [
  { id: 'general', Component: GeneralSection },
  { id: 'people', Component: PeopleSection },
  { id: 'tokens', Component: TokensSection },
  { id: 'secrets', Component: SecretsSection },
  { id: 'languageModel', Component: LanguageModelSection },
  { id: 'privacy', Component: PrivacySection },
  { id: 'audit', Component: AuditSection },
];

export function sectionFromSearch(search: string): string {
  const wanted = new URLSearchParams(search).get('section');
  return SETTINGS_SECTIONS.find((s) => s.id === wanted)?.id ?? SETTINGS_SECTIONS[0].id;
}
