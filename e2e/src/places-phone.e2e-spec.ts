import { PHONE } from './support/browser';
import { describePlacesAt } from './support/places';

describePlacesAt('phone', PHONE);
