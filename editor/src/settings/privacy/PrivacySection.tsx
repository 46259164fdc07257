import { CustomerDataCard } from './CustomerDataCard';
import { RetentionCard } from './RetentionCard';

/** Organisation settings → Customer data: retention, and a customer's access and erasure requests. */
export function PrivacySection() {
  return (
    <div className="sb-settings__stack">
      <CustomerDataCard />
      <RetentionCard />
    </div>
  );
}
