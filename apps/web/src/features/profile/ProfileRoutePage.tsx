import { useParams } from '@tanstack/react-router';
import { PROFILE_PARTS, ProfilePage, type ProfilePart } from './ProfilePage';

/** `/profile` (the profile's fields) and `/profile/$part` (contacts, concerns, agreements, plans). */
export function ProfileRoutePage() {
  const params = useParams({ strict: false });
  const kommunenummer = params.kommunenummer ?? '';
  const wanted = (params as { part?: string }).part;
  const part: ProfilePart = (PROFILE_PARTS as readonly string[]).includes(wanted ?? '') ? (wanted as ProfilePart) : 'about';
  return <ProfilePage key={part} kommunenummer={kommunenummer} part={part} />;
}
