// The public face of the organisation feature: other features, the server and the CLI import only from here.

export { cycleEndMoment, formerNamesAt } from './former-names.ts';
export { loadOrganisation, ORGANISATION_FILE, OrganisationFileError } from './load.ts';
export { NOTHING_TO_CHANGE, notEmpty, organisationRoutes } from './routes.ts';
export { mergeOrganisation } from './seed.ts';
