import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AddFriendForm } from './AddFriendForm';
import { BlockList } from './BlockList';
import { DiscoverySettings } from './DiscoverySettings';
import { ECardSection } from './ECardSection';
import { FriendsList } from './FriendsList';
import { MatchingSection } from './MatchingSection';
import { QrSection } from './QrSection';
import { RequestsList } from './RequestsList';
import { useContacts } from './use-contacts';

/** Contacts: friends, requests, blocks, adding by number, QR code, e-card or address book, and who may find me. */
export function ContactsPage() {
  const { t } = useTranslation();
  const { edition } = useSession();
  const { friends, requests, error, reload } = useContacts();
  const handleSent = () => void reload();
  return (
    <div className="contacts">
      <h1>{t('contacts.title')}</h1>
      <ErrorMessage error={error} />
      <div className="contacts-grid">
        <div className="stack">
          {requests ? <RequestsList requests={requests} onChanged={reload} /> : null}
          {friends ? <FriendsList friends={friends} /> : null}
          {friends ? <BlockList friends={friends} onChanged={reload} /> : null}
        </div>
        <div className="stack">
          <AddFriendForm onSent={handleSent} />
          <QrSection onSent={handleSent} />
          <DiscoverySettings allowEmail={edition !== 'cn'} />
          <ECardSection />
          <MatchingSection />
        </div>
      </div>
    </div>
  );
}
