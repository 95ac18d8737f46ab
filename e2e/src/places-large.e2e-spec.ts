import { describePlacesAt, LARGE } from './support/places';

describePlacesAt('large', LARGE);
