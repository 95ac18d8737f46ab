/** What other features may use of initiatives/ (import it from '../initiatives', never from a file inside). */
export { UserRefDto } from './dto/initiative-response.dto';
export { InitiativeTransitionsService } from './initiative-transitions.service';
export { InitiativeEntity } from './initiative.entity';
export { InitiativesModule } from './initiatives.module';
export { InitiativesRepository } from './initiatives.repository';
export { InitiativesService } from './initiatives.service';
export { type ReadScope, readScope, readableSql } from './initiative-visibility';
export { CreateInitiativeDto } from './dto/initiative.dto';
export { InitiativeResponseDto } from './dto/initiative-response.dto';
