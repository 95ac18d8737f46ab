/** What other features may use of gates/ (import it from '../gates', never from a file inside). */
export { GateDecisionsService } from './gate-decisions.service';
export { GateTransitionsService } from './gate-transitions.service';
export { GatesModule } from './gates.module';
