import { PHONE } from './support/browser';
import { describePlacesAt } from './support/places';

// Every place of the executive and the manager (places-phone-a has the admin and the member).
describePlacesAt('phone', PHONE, ['executive', 'manager']);
