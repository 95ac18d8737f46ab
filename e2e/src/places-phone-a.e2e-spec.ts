import { PHONE } from './support/browser';
import { describePlacesAt } from './support/places';

// Every place of the admin and the member (places-phone-b has the executive and the manager).
describePlacesAt('phone', PHONE, ['admin', 'member']);
