import { defineMessages } from './define-messages';

/** The public pages: verifying a document by its CSV, and the accessibility statement. */
export const publicPagesMessages = defineMessages(
  {
    'verify.title': 'Comprobar un documento',
    'verify.lead':
      'Compruebe que un justificante de registro o una resolución los emitió esta sede, con el código seguro de verificación (CSV) impreso en el documento.',
    'verify.csv': 'Código seguro de verificación (CSV)',
    'verify.csvHint': '16 letras y cifras, por ejemplo K7Q2-M9X4-B3H8-P5T1. Los guiones son opcionales.',
    'verify.submit': 'Comprobar',
    'verify.again': 'Comprobar otro documento',
    'verify.error.format': 'Escriba el CSV tal y como aparece en el documento: 16 letras y cifras',
    'verify.unknown.title': 'No hay ningún documento con ese código',
    'verify.unknown.body': 'Esta sede no ha emitido ningún documento con el código {csv}.',
    'verify.unknown.check': 'Compruebe que lo ha escrito exactamente como aparece impreso.',
    'verify.unknown.letters':
      'El código no lleva las letras O e I ni las cifras 0 y 1: revise los caracteres que se les parezcan.',
    'verify.result.title': 'Documento emitido por esta sede',
    'verify.result.matches': 'El original que guardamos coincide con el registro de la sede y está sellado.',
    'verify.result.mismatch':
      'No hemos podido confirmar que el original coincide con el registro. Avise a la sede.',
    'verify.result.csv': 'Código seguro de verificación',
    'verify.result.kind': 'Tipo de documento',
    'verify.result.registryNumber': 'Número de registro',
    'verify.result.date': 'Fecha',
    'verify.result.issuer': 'Emitido por',
    'verify.result.office': 'Sede electrónica de la Seguridad Social',
    'verify.result.addressedTo': 'Dirigido a: {unit}',
    'verify.result.seal': 'Sello electrónico',
    'verify.result.sealOk': 'Original íntegro',
    'verify.result.sealBad': 'Sin confirmar',
    'verify.result.hash': 'Huella SHA-256 del original',
    'verify.result.hashExplained':
      'Si tiene una copia, su huella SHA-256 debe ser exactamente esta. La firma (.p7s) se comprueba con cualquier herramienta CMS.',
    'verify.result.downloadPdf': 'Descargar el original (PDF)',
    'verify.result.downloadSeal': 'Descargar la firma del sello (.p7s)',
    'verify.kind.proof-of-receipt': 'Justificante de registro',
    'verify.kind.resolution': 'Resolución',
    'accessibility.title': 'Declaración de accesibilidad',
    'accessibility.lead':
      'Queremos que todas las personas puedan usar esta sede electrónica, también con tecnologías de apoyo.',
    'accessibility.status.title': 'Nivel de cumplimiento',
    'accessibility.status.body':
      'El objetivo es cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, nivel AA, y la norma UNE-EN 301549, como exige el Real Decreto 1112/2018. Cada página se revisa automáticamente con axe-core en cada cambio.',
    'accessibility.what.title': 'Qué puede hacer',
    'accessibility.what.keyboard': 'Usar todas las páginas solo con el teclado, con el foco siempre visible.',
    'accessibility.what.zoom': 'Ampliar el texto hasta el 200 % sin perder contenido.',
    'accessibility.what.screenReader':
      'Usar un lector de pantalla: los errores de los formularios se anuncian y enlazan a su campo.',
    'accessibility.what.noScript': 'Hacer todos los trámites con JavaScript desactivado.',
    'accessibility.what.languages': 'Leer la sede en castellano, catalán o inglés.',
    'accessibility.limits.title': 'Limitaciones conocidas',
    'accessibility.limits.body':
      'Algunos documentos PDF antiguos pueden no estar etiquetados para lectores de pantalla. Si necesita uno en otro formato, pídalo.',
    'accessibility.report.title': 'Cómo comunicar un problema',
    'accessibility.report.body':
      'Si encuentra una barrera o necesita la información en otro formato, escríbanos a accesibilidad@seg-social.example indicando la página y lo que ocurrió. Le responderemos en un plazo máximo de 20 días hábiles.',
    'accessibility.report.enforcement':
      'Si la respuesta no le satisface, puede presentar una reclamación ante la Unidad Responsable de Accesibilidad del Ministerio.',
    'accessibility.prepared.title': 'Preparación de esta declaración',
    'accessibility.prepared.body':
      'Declaración preparada en 2026 a partir de una autoevaluación y de pruebas automáticas.',
  },
  {
    ca: {
      'verify.title': 'Comprovar un document',
      'verify.lead':
        'Comproveu que un justificant de registre o una resolució els va emetre aquesta seu, amb el codi segur de verificació (CSV) imprès en el document.',
      'verify.csv': 'Codi segur de verificació (CSV)',
      'verify.csvHint': '16 lletres i xifres, per exemple K7Q2-M9X4-B3H8-P5T1. Els guions són opcionals.',
      'verify.submit': 'Comprova',
      'verify.again': 'Comprova un altre document',
      'verify.error.format': 'Escriviu el CSV tal com apareix en el document: 16 lletres i xifres',
      'verify.unknown.title': 'No hi ha cap document amb aquest codi',
      'verify.unknown.body': 'Aquesta seu no ha emès cap document amb el codi {csv}.',
      'verify.unknown.check': 'Comproveu que l’heu escrit exactament com apareix imprès.',
      'verify.unknown.letters':
        'El codi no porta ni la lletra O ni la I, ni els números 0 i 1: reviseu els caràcters que s’hi assemblin.',
      'verify.result.title': 'Document emès per aquesta seu',
      'verify.result.matches': 'L’original que guardem coincideix amb el registre de la seu i està segellat.',
      'verify.result.mismatch':
        'No hem pogut confirmar que l’original coincideix amb el registre. Aviseu la seu.',
      'verify.result.csv': 'Codi segur de verificació',
      'verify.result.kind': 'Tipus de document',
      'verify.result.registryNumber': 'Número de registre',
      'verify.result.date': 'Data',
      'verify.result.issuer': 'Emès per',
      'verify.result.office': 'Seu electrònica de la Seguretat Social',
      'verify.result.addressedTo': 'Adreçat a: {unit}',
      'verify.result.seal': 'Segell electrònic',
      'verify.result.sealOk': 'Original íntegre',
      'verify.result.sealBad': 'Sense confirmar',
      'verify.result.hash': 'Empremta SHA-256 de l’original',
      'verify.result.hashExplained':
        'Si en teniu una còpia, la seva empremta SHA-256 ha de ser exactament aquesta. La signatura (.p7s) es comprova amb qualsevol eina CMS.',
      'verify.result.downloadPdf': 'Descarrega l’original (PDF)',
      'verify.result.downloadSeal': 'Descarrega la signatura del segell (.p7s)',
      'verify.kind.proof-of-receipt': 'Justificant de registre',
      'verify.kind.resolution': 'Resolució',
      'accessibility.title': 'Declaració d’accessibilitat',
      'accessibility.lead':
        'Volem que totes les persones puguin fer servir aquesta seu electrònica, també amb tecnologies de suport.',
      'accessibility.status.title': 'Nivell de compliment',
      'accessibility.status.body':
        'L’objectiu és complir les Pautes d’Accessibilitat per al Contingut Web (WCAG) 2.1, nivell AA, i la norma UNE-EN 301549, com exigeix el Reial decret 1112/2018. Cada pàgina es revisa automàticament amb axe-core a cada canvi.',
      'accessibility.what.title': 'Què podeu fer',
      'accessibility.what.keyboard':
        'Fer servir totes les pàgines només amb el teclat, amb el focus sempre visible.',
      'accessibility.what.zoom': 'Ampliar el text fins al 200 % sense perdre contingut.',
      'accessibility.what.screenReader':
        'Fer servir un lector de pantalla: els errors dels formularis s’anuncien i enllacen al seu camp.',
      'accessibility.what.noScript': 'Fer tots els tràmits amb el JavaScript desactivat.',
      'accessibility.what.languages': 'Llegir la seu en castellà, català o anglès.',
      'accessibility.limits.title': 'Limitacions conegudes',
      'accessibility.limits.body':
        'Alguns documents PDF antics poden no estar etiquetats per a lectors de pantalla. Si en necessiteu un en un altre format, demaneu-lo.',
      'accessibility.report.title': 'Com comunicar un problema',
      'accessibility.report.body':
        'Si trobeu una barrera o necessiteu la informació en un altre format, escriviu-nos a accesibilidad@seg-social.example indicant la pàgina i què ha passat. Us respondrem en un termini màxim de 20 dies hàbils.',
      'accessibility.report.enforcement':
        'Si la resposta no us satisfà, podeu presentar una reclamació davant la Unitat Responsable d’Accessibilitat del Ministeri.',
      'accessibility.prepared.title': 'Preparació d’aquesta declaració',
      'accessibility.prepared.body':
        'Declaració preparada el 2026 a partir d’una autoavaluació i de proves automàtiques.',
    },
    en: {
      'verify.title': 'Check a document',
      'verify.lead':
        'Check that a proof of receipt or a decision was issued by this office, with the secure verification code (CSV) printed on the document.',
      'verify.csv': 'Secure verification code (CSV)',
      'verify.csvHint': '16 letters and digits, for example K7Q2-M9X4-B3H8-P5T1. The dashes are optional.',
      'verify.submit': 'Check',
      'verify.again': 'Check another document',
      'verify.error.format': 'Enter the CSV exactly as it is printed on the document: 16 letters and digits',
      'verify.unknown.title': 'There is no document with that code',
      'verify.unknown.body': 'This office has not issued any document with the code {csv}.',
      'verify.unknown.check': 'Check you typed it exactly as printed.',
      'verify.unknown.letters':
        'The code never uses the letters O and I or the digits 0 and 1: look again at characters that resemble them.',
      'verify.result.title': 'Document issued by this office',
      'verify.result.matches': 'The original we keep matches the office’s record and is sealed.',
      'verify.result.mismatch':
        'We could not confirm that the original matches the record. Please tell the office.',
      'verify.result.csv': 'Secure verification code',
      'verify.result.kind': 'Type of document',
      'verify.result.registryNumber': 'Registry number',
      'verify.result.date': 'Date',
      'verify.result.issuer': 'Issued by',
      'verify.result.office': 'Social Security electronic office',
      'verify.result.addressedTo': 'Addressed to: {unit}',
      'verify.result.seal': 'Electronic seal',
      'verify.result.sealOk': 'Original intact',
      'verify.result.sealBad': 'Not confirmed',
      'verify.result.hash': 'SHA-256 fingerprint of the original',
      'verify.result.hashExplained':
        'If you have a copy, its SHA-256 fingerprint must be exactly this. The signature (.p7s) can be checked with any CMS tool.',
      'verify.result.downloadPdf': 'Download the original (PDF)',
      'verify.result.downloadSeal': 'Download the seal’s signature (.p7s)',
      'verify.kind.proof-of-receipt': 'Proof of receipt',
      'verify.kind.resolution': 'Decision',
      'accessibility.title': 'Accessibility statement',
      'accessibility.lead':
        'We want everyone to be able to use this electronic office, including with assistive technology.',
      'accessibility.status.title': 'Compliance status',
      'accessibility.status.body':
        'We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA and standard EN 301 549, as Royal Decree 1112/2018 requires. Every page is checked automatically with axe-core on every change.',
      'accessibility.what.title': 'What you can do',
      'accessibility.what.keyboard': 'Use every page with the keyboard alone, with the focus always visible.',
      'accessibility.what.zoom': 'Zoom text up to 200% without losing content.',
      'accessibility.what.screenReader':
        'Use a screen reader: form errors are announced and link to their field.',
      'accessibility.what.noScript': 'Complete every procedure with JavaScript turned off.',
      'accessibility.what.languages': 'Read the office in Spanish, Catalan or English.',
      'accessibility.limits.title': 'Known limitations',
      'accessibility.limits.body':
        'Some older PDF documents may not be tagged for screen readers. If you need one in another format, ask us.',
      'accessibility.report.title': 'How to report a problem',
      'accessibility.report.body':
        'If you find a barrier or need the information in another format, write to accesibilidad@seg-social.example saying which page and what happened. We will reply within 20 working days.',
      'accessibility.report.enforcement':
        'If you are not happy with the reply, you can complain to the Ministry’s Accessibility Unit.',
      'accessibility.prepared.title': 'How this statement was prepared',
      'accessibility.prepared.body': 'Statement prepared in 2026 from a self-assessment and automated tests.',
    },
  },
);
