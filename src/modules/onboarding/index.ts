export { onboardingRoutes } from './routes.ts';
export { councilMemberProblems, COUNCIL_POSTS, overlappingCouncil, POST_LABELS, type CouncilMemberInput, type CouncilPost } from './councils.ts';
export { clusterMemberProblems, type ClusterKind, type ClusterMemberInput, type ClusterRole } from './clusters.ts';
export {
  clusterMembershipsOf, councilsOfUnits, councilYearsOf, writeClusters, writeCouncils, type ClusterWrite, type CouncilWrite,
} from './store.ts';
