// Every migration, oldest first. Generated from the entities (npm run migration:generate) and committed.
import { Initial1795426054334 } from './1795426054334-Initial';
import { ApiKeys1795431135900 } from './1795431135900-ApiKeys';
import { Bookings1795436888427 } from './1795436888427-Bookings';
import { AuditDetails1795436974350 } from './1795436974350-AuditDetails';
import { Imports1795437420541 } from './1795437420541-Imports';
import { Tiering1795438376772 } from './1795438376772-Tiering';
import { Complaints1795441443904 } from './1795441443904-Complaints';
import { TeamsAndOutgoingMessages1795445071823 } from './1795445071823-TeamsAndOutgoingMessages';
import { ComplaintHandling1795445142160 } from './1795445142160-ComplaintHandling';
import { SlaPolicies1795445236390 } from './1795445236390-SlaPolicies';
import { Visits1795445421502 } from './1795445421502-Visits';
import { ChurnScore1795445566408 } from './1795445566408-ChurnScore';
import { Lifecycle1795447001324 } from './1795447001324-Lifecycle';
import { Campaigns1795447008305 } from './1795447008305-Campaigns';
import { Touchpoints1795448014629 } from './1795448014629-Touchpoints';
import { QueuedRunsIndex1795448249919 } from './1795448249919-QueuedRunsIndex';
import { LifecyclePlays1795450120480 } from './1795450120480-LifecyclePlays';
import { CustomerLifecycle1795460000000 } from './1795460000000-CustomerLifecycle';
import { LifecycleFingerprint1796692756702 } from './1796692756702-LifecycleFingerprint';
import { CustomerValues1796700000000 } from './1796700000000-CustomerValues';
import { TimeOrderedIds1796700000001 } from './1796700000001-TimeOrderedIds';
import { LifecycleTypedColumns1796702839515 } from './1796702839515-LifecycleTypedColumns';

export const MIGRATIONS: Function[] = [Initial1795426054334, ApiKeys1795431135900, Bookings1795436888427, AuditDetails1795436974350, Imports1795437420541, Tiering1795438376772, Complaints1795441443904, TeamsAndOutgoingMessages1795445071823, ComplaintHandling1795445142160, SlaPolicies1795445236390, Visits1795445421502, ChurnScore1795445566408, Lifecycle1795447001324, Campaigns1795447008305, Touchpoints1795448014629, QueuedRunsIndex1795448249919, LifecyclePlays1795450120480, CustomerLifecycle1795460000000, LifecycleFingerprint1796692756702, CustomerValues1796700000000, TimeOrderedIds1796700000001, LifecycleTypedColumns1796702839515];
