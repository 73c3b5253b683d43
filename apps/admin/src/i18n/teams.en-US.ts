import type { teamsZhCN } from './teams.zh-CN';

/** English for teams (spread into en-US.ts). */
export const teamsEnUS: Record<keyof typeof teamsZhCN, string> = {
  'teams.title': 'Teams',
  'teams.help': "A breached complaint alerts the manager of its owner's team; when the owner has no team, or the team no manager, every manager is alerted.",
  'teams.new': 'New team',
  'teams.name': 'Team name',
  'teams.manager': 'Manager',
  'teams.members': 'Members',
  'teams.noManager': 'No manager (breaches alert every manager)',
  'teams.managerInactive': 'The manager is deactivated or no longer a manager: breaches alert every manager',
  'teams.nameTaken': 'A team with this name exists',
  'teams.rename': 'Rename',
  'teams.created': 'Created team {name}',
  'teams.updated': 'Updated team {name}',
  'teams.empty': 'No teams yet',
  'teams.loadError': 'Could not load the teams',
  'users.team': 'Team',
  'users.noTeam': 'No team',
  'complaints.filter.team': 'Team',
  'audit.entity.team': 'Team',
  'audit.action.team.create': 'Create team',
  'audit.action.team.update': 'Change team',
};
