// Identification: from a licence text to the SPDX expression it grants (DESIGN §1, "identify").
export type { Identification, LicenceMatch, MatchDoubt, ParameterValue } from './types.js';
export { identifyText, identifyWith } from './identify.js';
export { identifyFile, identifyLicenceText, decodeLicenceText, looksBinary, IdentifyFileError, MAX_LICENCE_FILE_BYTES, type FileIdentification, type IdentifyFileProblem } from './identify-file.js';
export { THRESHOLD, type FindOptions } from './find.js';
export { loadCorpus } from './corpus.js';
export { identifyNotices, README_CONFIDENCE, type NoticeOptions } from './notices.js';
export { classifyProprietary, PROPRIETARY_IDS } from './proprietary.js';
export { identifyReadmeSection } from './named.js';
