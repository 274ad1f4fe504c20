// Trove classifiers (`Classifier: License :: …`) as SPDX: a data table. A classifier that does
// not say which licence or which version ("BSD License", "GNU General Public License (GPL)") maps
// to null: the package's licence files decide, and without them it stays unknown.

/** `License :: …` classifier (after the prefix) → SPDX id, or null when it names no single licence. */
export const LICENCE_CLASSIFIERS: Record<string, string | null> = {
  'OSI Approved :: MIT License': 'MIT',
  'OSI Approved :: MIT No Attribution License (MIT-0)': 'MIT-0',
  'OSI Approved :: ISC License (ISCL)': 'ISC',
  // Apache-1.x has not been used for new work since 2004: the classifier means 2.0 in practice.
  'OSI Approved :: Apache Software License': 'Apache-2.0',
  'OSI Approved :: BSD License': null,
  'OSI Approved :: Python Software Foundation License': 'PSF-2.0',
  'OSI Approved :: Mozilla Public License 1.0 (MPL)': 'MPL-1.0',
  'OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)': 'MPL-1.1',
  'OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'OSI Approved :: GNU General Public License (GPL)': null,
  'OSI Approved :: GNU General Public License v2 (GPLv2)': 'GPL-2.0-only',
  'OSI Approved :: GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'OSI Approved :: GNU General Public License v3 (GPLv3)': 'GPL-3.0-only',
  'OSI Approved :: GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)': 'LGPL-2.0-only',
  'OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)': 'LGPL-2.0-or-later',
  'OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)': 'LGPL-3.0-only',
  'OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'OSI Approved :: GNU Library or Lesser General Public License (LGPL)': null,
  'OSI Approved :: GNU Affero General Public License v3': 'AGPL-3.0-only',
  'OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
  'OSI Approved :: GNU Free Documentation License (FDL)': null,
  'OSI Approved :: Academic Free License (AFL)': null,
  'OSI Approved :: Apple Public Source License': null,
  'OSI Approved :: Artistic License': null,
  // Classifiers the trove list holds (pypa/trove-classifiers) that this table lacked: a package
  // classified by one alone was unknown (py-postgresql, with Attribution Assurance among four).
  'OSI Approved :: Attribution Assurance License': 'AAL',
  'OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)': 'BlueOak-1.0.0',
  'OSI Approved :: CMU License (MIT-CMU)': 'MIT-CMU',
  'OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)': 'ECL-2.0',
  // Eiffel Forum License 1.0 or 2.0: no version said.
  'OSI Approved :: Eiffel Forum License': null,
  // The MITRE Collaborative Virtual Workspace License has no SPDX id.
  'OSI Approved :: MITRE Collaborative Virtual Workspace License (CVW)': null,
  'OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)': 'MulanPSL-2.0',
  'OSI Approved :: NASA Open Source Agreement v1.3 (NASA-1.3)': 'NASA-1.3',
  'OSI Approved :: Nethack General Public License': 'NGPL',
  'OSI Approved :: Zero-Clause BSD (0BSD)': '0BSD',
  'OSI Approved :: Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)': 'CECILL-2.1',
  'OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)': 'CDDL-1.0',
  'OSI Approved :: Common Public License': 'CPL-1.0',
  'OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)': 'EPL-1.0',
  'OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
  'OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)': 'EUPL-1.0',
  'OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)': 'EUPL-1.1',
  'OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)': 'EUPL-1.2',
  'OSI Approved :: Historical Permission Notice and Disclaimer (HPND)': 'HPND',
  'OSI Approved :: IBM Public License': 'IPL-1.0',
  'OSI Approved :: Intel Open Source License': 'Intel',
  'OSI Approved :: Jabber Open Source License': null,
  'OSI Approved :: MirOS License (MirOS)': 'MirOS',
  'OSI Approved :: Motosoto License': 'Motosoto',
  'OSI Approved :: Nokia Open Source License': 'Nokia',
  'OSI Approved :: Open Group Test Suite License': 'OGTSL',
  'OSI Approved :: Open Software License 3.0 (OSL-3.0)': 'OSL-3.0',
  'OSI Approved :: PostgreSQL License': 'PostgreSQL',
  'OSI Approved :: Python License (CNRI Python License)': 'CNRI-Python',
  'OSI Approved :: Qt Public License (QPL)': 'QPL-1.0',
  'OSI Approved :: Ricoh Source Code Public License': 'RSCPL',
  'OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)': 'OFL-1.1',
  'OSI Approved :: Sleepycat License': 'Sleepycat',
  'OSI Approved :: Sun Industry Standards Source License (SISSL)': 'SISSL',
  'OSI Approved :: Sun Public License': 'SPL-1.0',
  'OSI Approved :: The Unlicense (Unlicense)': 'Unlicense',
  'OSI Approved :: Universal Permissive License (UPL)': 'UPL-1.0',
  'OSI Approved :: University of Illinois/NCSA Open Source License': 'NCSA',
  'OSI Approved :: Vovida Software License 1.0': 'VSL-1.0',
  'OSI Approved :: W3C License': 'W3C',
  'OSI Approved :: X.Net License': 'Xnet',
  'OSI Approved :: Zope Public License': null,
  'OSI Approved :: zlib/libpng License': 'Zlib',
  'OSI Approved': null,
  'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication': 'CC0-1.0',
  'CeCILL-B Free Software License Agreement (CECILL-B)': 'CECILL-B',
  'CeCILL-C Free Software License Agreement (CECILL-C)': 'CECILL-C',
  'Eiffel Forum License (EFL)': null,
  'Netscape Public License (NPL)': null,
  'Nokia Open Source License (NOKOS)': 'Nokia',
  'DFSG approved': null,
  'Free For Educational Use': null,
  'Free For Home Use': null,
  'Free for non-commercial use': null,
  'Freely Distributable': null,
  'Freeware': null,
  'GUST Font License 1.0': null,
  'GUST Font License 2006-09-30': null,
  'Other/Proprietary License': null,
  'Free To Use But Restricted': null,
  'Shareware': null,
  'Public Domain': null,
  'Repoze Public License': 'BSD-3-Clause-Modification',
  'Aladdin Free Public License (AFPL)': 'Aladdin',
};

/**
 * Classifiers that name a licence family but no version: without a licence file to say which,
 * the family is read (`LicenseRef-copyfair-family-…`, src/evaluate/unversioned.ts), whose verdict
 * holds only when every version gives the same outcome, and says what it assumed. The OSI
 * approves no BSD licence that restricts use (the "No Nuclear" variants are not approved).
 */
export const CLASSIFIER_FAMILIES: Readonly<Record<string, string>> = {
  'OSI Approved :: BSD License': 'LicenseRef-copyfair-family-BSD',
  'OSI Approved :: GNU General Public License (GPL)': 'LicenseRef-copyfair-family-GPL',
  'OSI Approved :: GNU Library or Lesser General Public License (LGPL)': 'LicenseRef-copyfair-family-LGPL',
  'OSI Approved :: Academic Free License (AFL)': 'LicenseRef-copyfair-family-AFL',
  'OSI Approved :: Artistic License': 'LicenseRef-copyfair-family-Artistic',
};

/**
 * Classifiers that name no licence but say who may not use the package, or that it is not open:
 * not vague, restricting. Whatever the licence files say, a person must read the terms (a wheel
 * classified "Free for non-commercial use" that ships an MIT text is not free for a business).
 */
export const RESTRICTING_CLASSIFIERS: ReadonlySet<string> = new Set([
  'Free For Educational Use',
  'Free For Home Use',
  'Free for non-commercial use',
  'Free To Use But Restricted',
  'Freeware',
  'Shareware',
  'Other/Proprietary License',
]);

/**
 * What a package's licence classifiers say: the SPDX ids, the classifiers that name none, those
 * that restrict, and the family each vague one names (undefined where it names none).
 */
export function readClassifiers(classifiers: string[]): { ids: string[]; vague: string[]; restricting: string[]; families: (string | undefined)[] } {
  const ids: string[] = [];
  const vague: string[] = [];
  const restricting: string[] = [];
  const families: (string | undefined)[] = [];
  const keys = classifiers.map((classifier) => /^License\s*::\s*(.+)$/.exec(classifier.trim())?.[1]?.split('::').map((part) => part.trim()).join(' :: '));
  // "License :: OSI Approved" is the parent of "License :: OSI Approved :: X" in the trove: beside
  // one of those it says nothing more (uritemplate: "OSI Approved", "OSI Approved :: Apache
  // Software License", "OSI Approved :: BSD License"). Alone it names no licence, and stays vague.
  const specific = keys.some((key) => key?.startsWith('OSI Approved :: '));
  classifiers.forEach((classifier, at) => {
    const key = keys[at];
    if (key === undefined || (specific && key === 'OSI Approved')) return;
    const id = LICENCE_CLASSIFIERS[key];
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else {
      vague.push(classifier.trim());
      families.push(CLASSIFIER_FAMILIES[key]);
      if (RESTRICTING_CLASSIFIERS.has(key)) restricting.push(classifier.trim());
    }
  });
  return { ids, vague, restricting, families };
}
