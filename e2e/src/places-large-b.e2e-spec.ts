import { WIDE } from './support/browser';
import { describePlacesAt } from './support/places';

// Every place of the executive and the manager (places-large-a has the admin and the member).
describePlacesAt('large', WIDE, ['executive', 'manager']);
