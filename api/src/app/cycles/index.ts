/** What other features may use of cycles/ (import it from '../cycles', never from a file inside). */
export { CycleEntity } from './cycle.entity';
export { CyclesModule } from './cycles.module';
export { CyclesRepository } from './cycles.repository';
export { CyclesService } from './cycles.service';
export { CycleRefDto } from './dto/cycle.dto';
