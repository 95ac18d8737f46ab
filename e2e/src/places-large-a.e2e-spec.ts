import { WIDE } from './support/browser';
import { describePlacesAt } from './support/places';

// Every place of the admin and the member (places-large-b has the executive and the manager).
describePlacesAt('large', WIDE, ['admin', 'member']);
