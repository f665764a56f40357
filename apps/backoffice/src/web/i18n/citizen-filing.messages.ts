import { defineMessages } from './define-messages';

/** The citizen's filing pages (/citizen/filings): start, guided questions, documents, signing, receipt, withdrawal. */
export const citizenFilingMessages = defineMessages(
  {
    'filing.procedure.medical-reports': 'Informes médicos actualizados',
    'filing.procedure.entitlement-applications': 'Derecho a la asistencia sanitaria',
    'filing.continue': 'Continuar',
    'filing.save': 'Guardar y continuar',
    'filing.change': 'Cambiar',
    'filing.none': 'Ninguno',
    'filing.forPerson': 'Presenta en nombre de la persona con DNI o NIE {subject}.',

    'filing.list.title': 'Sus borradores',
    'filing.list.lead':
      'Lo que ha empezado y aún no ha firmado se guarda aquí, aunque cierre la sesión. Continúe donde lo dejó.',
    'filing.list.none': 'No tiene ningún borrador.',
    'filing.list.new': 'Presentar documentación',
    'filing.list.procedure': 'Trámite',
    'filing.list.for': 'Para',
    'filing.list.changed': 'Último cambio',
    'filing.list.action': 'Acción',
    'filing.list.continue': 'Continuar',

    'filing.new.title': '¿Qué quiere presentar?',
    'filing.new.medical-reports.hint':
      'Para enviar informes médicos nuevos a la unidad médica que estudia una prestación que ya ha pedido.',
    'filing.new.entitlement-applications.hint':
      'Para pedir que se reconozca el derecho a la asistencia sanitaria, suyo y de sus beneficiarios mayores de tres meses.',
    'filing.new.error': 'Elija qué quiere presentar',

    'filing.who.title': '¿En nombre de quién presenta?',
    'filing.who.own': 'En mi propio nombre',
    'filing.who.representative': 'Como representante de otra persona',
    'filing.who.representative.hint':
      'Necesitará un poder inscrito en el Registro de Apoderamientos o el documento de representación.',
    'filing.who.repOnly': 'Si actúa como representante',
    'filing.who.subject': 'DNI o NIE de la persona a la que representa',
    'filing.who.subject.hint': 'Por ejemplo, 23456789D.',
    'filing.who.via': '¿Cómo acredita la representación?',
    'filing.who.via.power':
      'Con un poder inscrito en el Registro Electrónico de Apoderamientos de la Seguridad Social',
    'filing.who.via.power.hint': 'El poder debe cubrir este trámite y estar en vigor el día que presente.',
    'filing.who.via.document': 'Adjuntaré el documento de representación',
    'filing.who.via.document.hint':
      'El formulario normalizado de representación u otro documento válido en derecho, con los demás documentos.',
    'filing.who.error.as': 'Elija si presenta en su nombre o como representante',
    'filing.who.error.subject': 'Escriba el DNI o NIE de la persona a la que representa',
    'filing.who.error.via': 'Elija cómo acredita la representación',

    'filing.details.medical-reports.title': '¿Para qué prestación son los informes?',
    'filing.details.entitlement-applications.title': '¿En qué provincia se tramita su solicitud?',
    'filing.ref.label': 'Referencia de la solicitud de la prestación',
    'filing.ref.hint':
      'Figura en la solicitud o en las cartas de la Seguridad Social (apartado «Observaciones»), por ejemplo IP-2026-004567.',
    'filing.ref.error': 'Escriba la referencia de la solicitud, con 100 caracteres como máximo',
    'filing.province.label': 'Provincia del INSS que estudia la prestación',
    'filing.province.ea.label': 'Provincia de tramitación',
    'filing.province.hint':
      'Los documentos van a la unidad médica del INSS de esa provincia. En Cataluña (Barcelona, Girona, Lleida y Tarragona) van al Institut Català d’Avaluacions Mèdiques (ICAM), que es el competente.',
    'filing.province.ea.hint':
      'La Dirección Provincial del INSS a la que dirige la solicitud, normalmente la de su domicilio.',
    'filing.province.choose': 'Elija una provincia',
    'filing.province.error': 'Elija la provincia',

    'filing.beneficiaries.title': 'Beneficiarios',
    'filing.beneficiaries.lead':
      'Añada a las personas que quiere incluir como beneficiarias. Si lo pide solo para usted, continúe sin añadir a nadie.',
    'filing.beneficiaries.rule':
      'Cada beneficiario debe tener más de tres meses el día que presente la solicitud. Los niños menores de tres meses se incluyen con el trámite específico para recién nacidos, no con esta solicitud.',
    'filing.beneficiaries.caption': 'Beneficiarios añadidos',
    'filing.beneficiaries.none': 'Todavía no ha añadido a nadie.',
    'filing.beneficiaries.name': 'Nombre y apellidos',
    'filing.beneficiaries.birthDate': 'Fecha de nacimiento',
    'filing.beneficiaries.identity': 'DNI o NIE',
    'filing.beneficiaries.remove': 'Quitar',
    'filing.beneficiaries.add': 'Añadir un beneficiario',
    'filing.beneficiaries.addButton': 'Añadir beneficiario',
    'filing.beneficiaries.birth.hint': 'Por ejemplo, 27 3 2019.',
    'filing.beneficiaries.identity.label': 'DNI o NIE (si lo tiene)',
    'filing.beneficiaries.error.name': 'Escriba el nombre y los apellidos del beneficiario',
    'filing.beneficiaries.error.birthDate':
      'Escriba una fecha de nacimiento que exista, por ejemplo 27 3 2019',
    'filing.beneficiaries.error.identity': 'Escriba un DNI o NIE válido, o déjelo en blanco',
    'filing.beneficiaries.added': 'Ha añadido a {name}.',
    'filing.beneficiaries.removed': 'Ha quitado a {name}.',
    'filing.date.day': 'Día',
    'filing.date.month': 'Mes',
    'filing.date.year': 'Año',

    'filing.paper.title': '¿Quiere recibir también la resolución por correo postal?',
    'filing.paper.hint':
      'La resolución se le notifica en esta sede electrónica. Además, el INSS la envía a su domicilio, salvo que diga que no.',
    'filing.paper.yes': 'Sí, envíenmela también por correo',
    'filing.paper.no': 'No, solo en la sede electrónica',
    'filing.paper.error': 'Elija si quiere recibirla también por correo',

    'filing.remarks.title': 'Observaciones',
    'filing.remarks.hint':
      'Rellénelas solo si no adjunta el formulario de solicitud: entonces escriba aquí su solicitud. Si adjuntó el formulario, déjelas en blanco.',
    'filing.remarks.error':
      'Escriba las observaciones con 2.000 caracteres como máximo y sin caracteres invisibles',

    'filing.documents.title': 'Adjunte los documentos',
    'filing.documents.lead.medical-reports': 'Adjunte los informes médicos actualizados que quiere enviar.',
    'filing.documents.lead.entitlement-applications':
      'Adjunte el formulario de solicitud rellenado y copias de los documentos que piden sus instrucciones.',
    'filing.documents.representation':
      'Actúa en nombre de {subject}: si no tiene un poder inscrito que cubra este trámite, adjunte el formulario normalizado de representación como «Documento de representación».',
    'filing.documents.limit':
      'Se admiten PDF, JPEG, PNG y TIFF. Entre todos, los documentos no pueden superar 10 MB: lleva {used} y le quedan {left}.',
    'filing.documents.caption': 'Documentos adjuntos',
    'filing.documents.none': 'Todavía no ha adjuntado ningún documento.',
    'filing.documents.name': 'Documento',
    'filing.documents.kind': 'Tipo',
    'filing.documents.size': 'Tamaño',
    'filing.documents.remove': 'Quitar',
    'filing.documents.add': 'Añadir un documento',
    'filing.documents.file.label': 'Archivo',
    'filing.documents.file.hint': 'PDF, JPEG, PNG o TIFF.',
    'filing.documents.kind.label': 'Tipo de documento',
    'filing.documents.upload': 'Adjuntar el documento',
    'filing.documents.progress': 'Enviando el documento',
    'filing.documents.attached': 'Ha adjuntado {name}.',
    'filing.documents.removed': 'Ha quitado {name}.',
    'filing.documents.error.nofile': 'Elija el archivo que quiere adjuntar',
    'filing.documents.error.type': 'El archivo {name} no es un PDF, JPEG, PNG ni TIFF',
    'filing.documents.error.size':
      'El archivo {name} ocupa {size} y solo le quedan {left}: entre todos los documentos no pueden superar 10 MB',
    'filing.documents.error.failed': 'No se ha podido enviar el documento. Inténtelo otra vez.',
    'filing.kind.medical-report': 'Informe médico',
    'filing.kind.application-form': 'Formulario de solicitud',
    'filing.kind.supporting-document': 'Documento justificativo',
    'filing.kind.representation': 'Documento de representación',
    'filing.kind.other': 'Otro',

    'filing.check.title': 'Compruebe sus respuestas antes de firmar',
    'filing.check.procedure': 'Trámite',
    'filing.check.who': 'Presenta',
    'filing.check.who.own': 'En su propio nombre',
    'filing.check.who.rep': 'Como representante de {subject}',
    'filing.check.unit': 'Unidad médica que lo recibirá',
    'filing.check.documents': 'Documentos',
    'filing.check.paper': 'Resolución también por correo',
    'filing.check.continue': 'Continuar a la firma',
    'filing.yes': 'Sí',
    'filing.no': 'No',

    'filing.sign.title': 'Firme y presente',
    'filing.sign.lead':
      'Al firmar, su documentación queda inscrita en el Registro Electrónico de la Seguridad Social y recibirá un justificante de registro.',
    'filing.sign.certificate':
      'Se ha identificado con certificado electrónico: firmará directamente, sin código.',
    'filing.sign.clave':
      'Se ha identificado con Cl@ve permanente: para firmar le enviaremos un código por SMS al móvil que registró.',
    'filing.sign.sendCode': 'Enviarme el código por SMS',
    'filing.sign.resend': 'Enviar otro código',
    'filing.sign.sent': 'Le hemos enviado un código por SMS al {mobile}. Caduca a las {time}.',
    'filing.sign.code.label': 'Código recibido por SMS',
    'filing.sign.code.hint': 'Las 6 cifras del mensaje.',
    'filing.sign.code.error': 'Escriba las 6 cifras del código que ha recibido por SMS',
    'filing.sign.submit': 'Firmar y presentar',
    'filing.sign.fixHere': 'Corríjalo aquí',

    'filing.done.title': 'Documentación presentada',
    'filing.done.entry': 'Su número de registro',
    'filing.done.date': 'Fecha y hora de registro',
    'filing.done.unit': 'Enviada a',
    'filing.done.csv': 'Código seguro de verificación',
    'filing.done.receipt': 'Descargar el justificante de registro (ZIP con el PDF y la firma)',
    'filing.done.pending':
      'El justificante de registro se está preparando. Actualice la página en unos segundos para descargarlo.',
    'filing.done.refresh': 'Actualizar la página',
    'filing.done.next': 'Qué pasa ahora',
    'filing.done.nextText':
      'La unidad médica estudiará su documentación. Verá cada paso, y lo que tenga que hacer, en «Mis expedientes».',
    'filing.done.follow': 'Seguir el expediente',
    'filing.done.withdraw': 'Desistir de esta solicitud',
    'filing.done.withdrawn': 'Ha desistido de esta solicitud.',

    'filing.receipt.title': 'El justificante se está preparando',
    'filing.receipt.pending':
      'Estamos preparando su justificante de registro. Vuelva a intentarlo en unos segundos: su documentación ya está registrada.',
    'filing.receipt.retry': 'Volver a intentarlo',

    'filing.withdraw.title': '¿Quiere desistir de esta solicitud?',
    'filing.withdraw.warning':
      'Si desiste, la unidad médica deja de estudiarla y no se puede deshacer. Solo es posible antes de la resolución.',
    'filing.withdraw.reason': 'Motivo (opcional)',
    'filing.withdraw.reason.hint': 'Por ejemplo, que ya no necesita la prestación.',
    'filing.withdraw.reason.error':
      'Escriba el motivo con 2.000 caracteres como máximo y sin caracteres invisibles',
    'filing.withdraw.submit': 'Sí, desistir',
    'filing.withdraw.cancel': 'No, volver',

    'filing.error.concurrent':
      'Este borrador cambió en otra pestaña o dispositivo mientras lo editaba. Le mostramos lo guardado: revíselo y vuelva a guardar.',
    'filing.error.unreachable':
      'El servicio no responde en este momento. Lo que ya guardó no se pierde: inténtelo de nuevo en unos minutos.',
    'filing.error.tooLarge': 'Lo que ha escrito es demasiado largo. Acórtelo y vuelva a enviarlo.',
  },
  {
    ca: {
      'filing.procedure.medical-reports': 'Informes mèdics actualitzats',
      'filing.procedure.entitlement-applications': 'Dret a l’assistència sanitària',
      'filing.continue': 'Continua',
      'filing.save': 'Desa i continua',
      'filing.change': 'Canvia',
      'filing.none': 'Cap',
      'filing.forPerson': 'Presenteu en nom de la persona amb DNI o NIE {subject}.',

      'filing.list.title': 'Els vostres esborranys',
      'filing.list.lead':
        'El que heu començat i encara no heu signat es desa aquí, encara que tanqueu la sessió. Continueu on ho vau deixar.',
      'filing.list.none': 'No teniu cap esborrany.',
      'filing.list.new': 'Presentar documentació',
      'filing.list.procedure': 'Tràmit',
      'filing.list.for': 'Per a',
      'filing.list.changed': 'Últim canvi',
      'filing.list.action': 'Acció',
      'filing.list.continue': 'Continua',

      'filing.new.title': 'Què voleu presentar?',
      'filing.new.medical-reports.hint':
        'Per enviar informes mèdics nous a la unitat mèdica que estudia una prestació que ja heu demanat.',
      'filing.new.entitlement-applications.hint':
        'Per demanar que es reconegui el dret a l’assistència sanitària, el vostre i el dels vostres beneficiaris de més de tres mesos.',
      'filing.new.error': 'Trieu què voleu presentar',

      'filing.who.title': 'En nom de qui presenteu?',
      'filing.who.own': 'En nom meu',
      'filing.who.representative': 'Com a representant d’una altra persona',
      'filing.who.representative.hint':
        'Necessitareu un poder inscrit al Registre d’Apoderaments o el document de representació.',
      'filing.who.repOnly': 'Si actueu com a representant',
      'filing.who.subject': 'DNI o NIE de la persona que representeu',
      'filing.who.subject.hint': 'Per exemple, 23456789D.',
      'filing.who.via': 'Com acrediteu la representació?',
      'filing.who.via.power':
        'Amb un poder inscrit al Registre Electrònic d’Apoderaments de la Seguretat Social',
      'filing.who.via.power.hint':
        'El poder ha de cobrir aquest tràmit i ha de ser vigent el dia que presenteu.',
      'filing.who.via.document': 'Adjuntaré el document de representació',
      'filing.who.via.document.hint':
        'El formulari normalitzat de representació o un altre document vàlid en dret, amb els altres documents.',
      'filing.who.error.as': 'Trieu si presenteu en nom vostre o com a representant',
      'filing.who.error.subject': 'Escriviu el DNI o NIE de la persona que representeu',
      'filing.who.error.via': 'Trieu com acrediteu la representació',

      'filing.details.medical-reports.title': 'Per a quina prestació són els informes?',
      'filing.details.entitlement-applications.title': 'A quina província es tramita la vostra sol·licitud?',
      'filing.ref.label': 'Referència de la sol·licitud de la prestació',
      'filing.ref.hint':
        'Consta a la sol·licitud o a les cartes de la Seguretat Social (apartat «Observacions»), per exemple IP-2026-004567.',
      'filing.ref.error': 'Escriviu la referència de la sol·licitud, amb 100 caràcters com a màxim',
      'filing.province.label': 'Província de l’INSS que estudia la prestació',
      'filing.province.ea.label': 'Província de tramitació',
      'filing.province.hint':
        'Els documents van a la unitat mèdica de l’INSS d’aquesta província. A Catalunya (Barcelona, Girona, Lleida i Tarragona) van a l’Institut Català d’Avaluacions Mèdiques (ICAM), que n’és el competent.',
      'filing.province.ea.hint':
        'La Direcció Provincial de l’INSS a la qual adreceu la sol·licitud, normalment la del vostre domicili.',
      'filing.province.choose': 'Trieu una província',
      'filing.province.error': 'Trieu la província',

      'filing.beneficiaries.title': 'Beneficiaris',
      'filing.beneficiaries.lead':
        'Afegiu les persones que voleu incloure com a beneficiàries. Si ho demaneu només per a vós, continueu sense afegir ningú.',
      'filing.beneficiaries.rule':
        'Cada beneficiari ha de tenir més de tres mesos el dia que presenteu la sol·licitud. Els infants de menys de tres mesos s’inclouen amb el tràmit específic per a nadons, no amb aquesta sol·licitud.',
      'filing.beneficiaries.caption': 'Beneficiaris afegits',
      'filing.beneficiaries.none': 'Encara no heu afegit ningú.',
      'filing.beneficiaries.name': 'Nom i cognoms',
      'filing.beneficiaries.birthDate': 'Data de naixement',
      'filing.beneficiaries.identity': 'DNI o NIE',
      'filing.beneficiaries.remove': 'Treu',
      'filing.beneficiaries.add': 'Afegir un beneficiari',
      'filing.beneficiaries.addButton': 'Afegeix el beneficiari',
      'filing.beneficiaries.birth.hint': 'Per exemple, 27 3 2019.',
      'filing.beneficiaries.identity.label': 'DNI o NIE (si en té)',
      'filing.beneficiaries.error.name': 'Escriviu el nom i els cognoms del beneficiari',
      'filing.beneficiaries.error.birthDate':
        'Escriviu una data de naixement que existeixi, per exemple 27 3 2019',
      'filing.beneficiaries.error.identity': 'Escriviu un DNI o NIE vàlid, o deixeu-lo en blanc',
      'filing.beneficiaries.added': 'Heu afegit {name}.',
      'filing.beneficiaries.removed': 'Heu tret {name}.',
      'filing.date.day': 'Dia',
      'filing.date.month': 'Mes',
      'filing.date.year': 'Any',

      'filing.paper.title': 'Voleu rebre també la resolució per correu postal?',
      'filing.paper.hint':
        'La resolució se us notifica en aquesta seu electrònica. A més, l’INSS l’envia al vostre domicili, tret que digueu que no.',
      'filing.paper.yes': 'Sí, envieu-me-la també per correu',
      'filing.paper.no': 'No, només a la seu electrònica',
      'filing.paper.error': 'Trieu si la voleu rebre també per correu',

      'filing.remarks.title': 'Observacions',
      'filing.remarks.hint':
        'Ompliu-les només si no adjunteu el formulari de sol·licitud: aleshores escriviu-hi la vostra sol·licitud. Si heu adjuntat el formulari, deixeu-les en blanc.',
      'filing.remarks.error':
        'Escriviu les observacions amb 2.000 caràcters com a màxim i sense caràcters invisibles',

      'filing.documents.title': 'Adjunteu els documents',
      'filing.documents.lead.medical-reports': 'Adjunteu els informes mèdics actualitzats que voleu enviar.',
      'filing.documents.lead.entitlement-applications':
        'Adjunteu el formulari de sol·licitud emplenat i còpies dels documents que en demanen les instruccions.',
      'filing.documents.representation':
        'Actueu en nom de {subject}: si no teniu un poder inscrit que cobreixi aquest tràmit, adjunteu el formulari normalitzat de representació com a «Document de representació».',
      'filing.documents.limit':
        'S’admeten PDF, JPEG, PNG i TIFF. Entre tots, els documents no poden superar 10 MB: en porteu {used} i us en queden {left}.',
      'filing.documents.caption': 'Documents adjunts',
      'filing.documents.none': 'Encara no heu adjuntat cap document.',
      'filing.documents.name': 'Document',
      'filing.documents.kind': 'Tipus',
      'filing.documents.size': 'Mida',
      'filing.documents.remove': 'Treu',
      'filing.documents.add': 'Afegir un document',
      'filing.documents.file.label': 'Fitxer',
      'filing.documents.file.hint': 'PDF, JPEG, PNG o TIFF.',
      'filing.documents.kind.label': 'Tipus de document',
      'filing.documents.upload': 'Adjunta el document',
      'filing.documents.progress': 'S’està enviant el document',
      'filing.documents.attached': 'Heu adjuntat {name}.',
      'filing.documents.removed': 'Heu tret {name}.',
      'filing.documents.error.nofile': 'Trieu el fitxer que voleu adjuntar',
      'filing.documents.error.type': 'El fitxer {name} no és un PDF, JPEG, PNG ni TIFF',
      'filing.documents.error.size':
        'El fitxer {name} ocupa {size} i només us en queden {left}: entre tots els documents no poden superar 10 MB',
      'filing.documents.error.failed': 'No s’ha pogut enviar el document. Torneu-ho a provar.',
      'filing.kind.medical-report': 'Informe mèdic',
      'filing.kind.application-form': 'Formulari de sol·licitud',
      'filing.kind.supporting-document': 'Document justificatiu',
      'filing.kind.representation': 'Document de representació',
      'filing.kind.other': 'Altre',

      'filing.check.title': 'Comproveu les respostes abans de signar',
      'filing.check.procedure': 'Tràmit',
      'filing.check.who': 'Presenta',
      'filing.check.who.own': 'En nom vostre',
      'filing.check.who.rep': 'Com a representant de {subject}',
      'filing.check.unit': 'Unitat mèdica que ho rebrà',
      'filing.check.documents': 'Documents',
      'filing.check.paper': 'Resolució també per correu',
      'filing.check.continue': 'Continua a la signatura',
      'filing.yes': 'Sí',
      'filing.no': 'No',

      'filing.sign.title': 'Signeu i presenteu',
      'filing.sign.lead':
        'En signar, la documentació queda inscrita al Registre Electrònic de la Seguretat Social i rebreu un justificant de registre.',
      'filing.sign.certificate':
        'Us heu identificat amb certificat electrònic: signareu directament, sense codi.',
      'filing.sign.clave':
        'Us heu identificat amb Cl@ve permanente: per signar us enviarem un codi per SMS al mòbil que vau registrar.',
      'filing.sign.sendCode': 'Envieu-me el codi per SMS',
      'filing.sign.resend': 'Envieu-me un altre codi',
      'filing.sign.sent': 'Us hem enviat un codi per SMS al {mobile}. Caduca a les {time}.',
      'filing.sign.code.label': 'Codi rebut per SMS',
      'filing.sign.code.hint': 'Les 6 xifres del missatge.',
      'filing.sign.code.error': 'Escriviu les 6 xifres del codi que heu rebut per SMS',
      'filing.sign.submit': 'Signa i presenta',
      'filing.sign.fixHere': 'Corregiu-ho aquí',

      'filing.done.title': 'Documentació presentada',
      'filing.done.entry': 'El vostre número de registre',
      'filing.done.date': 'Data i hora de registre',
      'filing.done.unit': 'Enviada a',
      'filing.done.csv': 'Codi segur de verificació',
      'filing.done.receipt': 'Descarregueu el justificant de registre (ZIP amb el PDF i la signatura)',
      'filing.done.pending':
        'El justificant de registre s’està preparant. Actualitzeu la pàgina d’aquí a uns segons per descarregar-lo.',
      'filing.done.refresh': 'Actualitza la pàgina',
      'filing.done.next': 'Què passa ara',
      'filing.done.nextText':
        'La unitat mèdica estudiarà la vostra documentació. Veureu cada pas, i el que hàgiu de fer, a «Els meus expedients».',
      'filing.done.follow': 'Segueix l’expedient',
      'filing.done.withdraw': 'Desistir d’aquesta sol·licitud',
      'filing.done.withdrawn': 'Heu desistit d’aquesta sol·licitud.',

      'filing.receipt.title': 'El justificant s’està preparant',
      'filing.receipt.pending':
        'Estem preparant el vostre justificant de registre. Torneu-ho a provar d’aquí a uns segons: la documentació ja està registrada.',
      'filing.receipt.retry': 'Torna-ho a provar',

      'filing.withdraw.title': 'Voleu desistir d’aquesta sol·licitud?',
      'filing.withdraw.warning':
        'Si en desistiu, la unitat mèdica deixa d’estudiar-la i no es pot desfer. Només és possible abans de la resolució.',
      'filing.withdraw.reason': 'Motiu (opcional)',
      'filing.withdraw.reason.hint': 'Per exemple, que ja no necessiteu la prestació.',
      'filing.withdraw.reason.error':
        'Escriviu el motiu amb 2.000 caràcters com a màxim i sense caràcters invisibles',
      'filing.withdraw.submit': 'Sí, desisteix',
      'filing.withdraw.cancel': 'No, torna',

      'filing.error.concurrent':
        'Aquest esborrany ha canviat en una altra pestanya o dispositiu mentre l’editàveu. Us mostrem el que hi ha desat: reviseu-ho i torneu a desar.',
      'filing.error.unreachable':
        'El servei no respon en aquest moment. El que ja heu desat no es perd: torneu-ho a provar d’aquí a uns minuts.',
      'filing.error.tooLarge': 'El que heu escrit és massa llarg. Escurceu-ho i torneu-ho a enviar.',
    },
    en: {
      'filing.procedure.medical-reports': 'Updated medical reports',
      'filing.procedure.entitlement-applications': 'Entitlement to medical assistance',
      'filing.continue': 'Continue',
      'filing.save': 'Save and continue',
      'filing.change': 'Change',
      'filing.none': 'None',
      'filing.forPerson': 'You are filing on behalf of the person with DNI or NIE {subject}.',

      'filing.list.title': 'Your drafts',
      'filing.list.lead':
        'What you have started and not yet signed is kept here, even if you log out. Carry on where you left off.',
      'filing.list.none': 'You have no drafts.',
      'filing.list.new': 'Submit documents',
      'filing.list.procedure': 'Procedure',
      'filing.list.for': 'For',
      'filing.list.changed': 'Last changed',
      'filing.list.action': 'Action',
      'filing.list.continue': 'Continue',

      'filing.new.title': 'What do you want to submit?',
      'filing.new.medical-reports.hint':
        'To send new medical reports to the medical unit assessing a benefit you have already applied for.',
      'filing.new.entitlement-applications.hint':
        'To apply for entitlement to medical assistance, for you and for your dependants over three months old.',
      'filing.new.error': 'Choose what you want to submit',

      'filing.who.title': 'Who are you submitting for?',
      'filing.who.own': 'For myself',
      'filing.who.representative': 'As a representative of someone else',
      'filing.who.representative.hint':
        'You will need a power of attorney in the Register of Powers of Attorney, or the representation document.',
      'filing.who.repOnly': 'If you are a representative',
      'filing.who.subject': 'DNI or NIE of the person you represent',
      'filing.who.subject.hint': 'For example, 23456789D.',
      'filing.who.via': 'How do you prove you represent them?',
      'filing.who.via.power':
        'With a power of attorney in the Social Security Electronic Register of Powers of Attorney',
      'filing.who.via.power.hint':
        'The power must cover this procedure and be in force on the day you submit.',
      'filing.who.via.document': 'I will attach the representation document',
      'filing.who.via.document.hint':
        'The standard representation form or another legally valid document, with the other documents.',
      'filing.who.error.as': 'Choose whether you are submitting for yourself or as a representative',
      'filing.who.error.subject': 'Enter the DNI or NIE of the person you represent',
      'filing.who.error.via': 'Choose how you prove you represent them',

      'filing.details.medical-reports.title': 'Which benefit are the reports for?',
      'filing.details.entitlement-applications.title': 'Which province is your application for?',
      'filing.ref.label': 'Reference of the benefit application',
      'filing.ref.hint':
        'It is on the application or on Social Security letters (the ‘Notes’ section), for example IP-2026-004567.',
      'filing.ref.error': 'Enter the application reference, in 100 characters or fewer',
      'filing.province.label': 'INSS province assessing the benefit',
      'filing.province.ea.label': 'Processing province',
      'filing.province.hint':
        'The documents go to the INSS medical unit of that province. In Catalonia (Barcelona, Girona, Lleida and Tarragona) they go to the Catalan Medical Assessment Institute (ICAM), the competent authority there.',
      'filing.province.ea.hint':
        'The INSS provincial office you are applying to, usually the one where you live.',
      'filing.province.choose': 'Choose a province',
      'filing.province.error': 'Choose the province',

      'filing.beneficiaries.title': 'Dependants',
      'filing.beneficiaries.lead':
        'Add the people you want to include as dependants. If you are applying only for yourself, continue without adding anyone.',
      'filing.beneficiaries.rule':
        'Each dependant must be over three months old on the day you submit the application. Children under three months are included through the specific procedure for newborns, not with this application.',
      'filing.beneficiaries.caption': 'Dependants added',
      'filing.beneficiaries.none': 'You have not added anyone yet.',
      'filing.beneficiaries.name': 'Full name',
      'filing.beneficiaries.birthDate': 'Date of birth',
      'filing.beneficiaries.identity': 'DNI or NIE',
      'filing.beneficiaries.remove': 'Remove',
      'filing.beneficiaries.add': 'Add a dependant',
      'filing.beneficiaries.addButton': 'Add dependant',
      'filing.beneficiaries.birth.hint': 'For example, 27 3 2019.',
      'filing.beneficiaries.identity.label': 'DNI or NIE (if they have one)',
      'filing.beneficiaries.error.name': 'Enter the dependant’s full name',
      'filing.beneficiaries.error.birthDate': 'Enter a real date of birth, for example 27 3 2019',
      'filing.beneficiaries.error.identity': 'Enter a valid DNI or NIE, or leave it blank',
      'filing.beneficiaries.added': 'You added {name}.',
      'filing.beneficiaries.removed': 'You removed {name}.',
      'filing.date.day': 'Day',
      'filing.date.month': 'Month',
      'filing.date.year': 'Year',

      'filing.paper.title': 'Do you also want the decision by post?',
      'filing.paper.hint':
        'The decision is notified to you in this electronic office. The INSS also posts it to your address, unless you say no.',
      'filing.paper.yes': 'Yes, post it to me as well',
      'filing.paper.no': 'No, only in the electronic office',
      'filing.paper.error': 'Choose whether you also want it by post',

      'filing.remarks.title': 'Remarks',
      'filing.remarks.hint':
        'Only fill these in if you are not attaching the application form: then write your application here. If you attached the form, leave them blank.',
      'filing.remarks.error': 'Enter the remarks in 2,000 characters or fewer, without invisible characters',

      'filing.documents.title': 'Attach the documents',
      'filing.documents.lead.medical-reports': 'Attach the updated medical reports you want to send.',
      'filing.documents.lead.entitlement-applications':
        'Attach the filled-in application form and copies of the documents its instructions ask for.',
      'filing.documents.representation':
        'You are acting for {subject}: if you have no registered power of attorney covering this procedure, attach the standard representation form as ‘Representation document’.',
      'filing.documents.limit':
        'PDF, JPEG, PNG and TIFF files are accepted. Together the documents may not exceed 10 MB: you have used {used} and have {left} left.',
      'filing.documents.caption': 'Attached documents',
      'filing.documents.none': 'You have not attached any documents yet.',
      'filing.documents.name': 'Document',
      'filing.documents.kind': 'Type',
      'filing.documents.size': 'Size',
      'filing.documents.remove': 'Remove',
      'filing.documents.add': 'Add a document',
      'filing.documents.file.label': 'File',
      'filing.documents.file.hint': 'PDF, JPEG, PNG or TIFF.',
      'filing.documents.kind.label': 'Type of document',
      'filing.documents.upload': 'Attach the document',
      'filing.documents.progress': 'Sending the document',
      'filing.documents.attached': 'You attached {name}.',
      'filing.documents.removed': 'You removed {name}.',
      'filing.documents.error.nofile': 'Choose the file you want to attach',
      'filing.documents.error.type': 'The file {name} is not a PDF, JPEG, PNG or TIFF',
      'filing.documents.error.size':
        'The file {name} is {size} and you only have {left} left: together the documents may not exceed 10 MB',
      'filing.documents.error.failed': 'The document could not be sent. Try again.',
      'filing.kind.medical-report': 'Medical report',
      'filing.kind.application-form': 'Application form',
      'filing.kind.supporting-document': 'Supporting document',
      'filing.kind.representation': 'Representation document',
      'filing.kind.other': 'Other',

      'filing.check.title': 'Check your answers before signing',
      'filing.check.procedure': 'Procedure',
      'filing.check.who': 'Submitted by',
      'filing.check.who.own': 'You, for yourself',
      'filing.check.who.rep': 'You, as representative of {subject}',
      'filing.check.unit': 'Medical unit it goes to',
      'filing.check.documents': 'Documents',
      'filing.check.paper': 'Decision by post as well',
      'filing.check.continue': 'Continue to signing',
      'filing.yes': 'Yes',
      'filing.no': 'No',

      'filing.sign.title': 'Sign and submit',
      'filing.sign.lead':
        'When you sign, your documents are entered in the Social Security Electronic Register and you get a proof of receipt.',
      'filing.sign.certificate':
        'You logged in with an electronic certificate: you sign directly, without a code.',
      'filing.sign.clave':
        'You logged in with Cl@ve permanente: to sign, we will text a code to the mobile number you registered.',
      'filing.sign.sendCode': 'Text me the code',
      'filing.sign.resend': 'Text me another code',
      'filing.sign.sent': 'We texted a code to {mobile}. It expires at {time}.',
      'filing.sign.code.label': 'Code from the text message',
      'filing.sign.code.hint': 'The 6 digits in the message.',
      'filing.sign.code.error': 'Enter the 6 digits of the code we texted you',
      'filing.sign.submit': 'Sign and submit',
      'filing.sign.fixHere': 'Fix it here',

      'filing.done.title': 'Documents submitted',
      'filing.done.entry': 'Your registry entry number',
      'filing.done.date': 'Date and time registered',
      'filing.done.unit': 'Sent to',
      'filing.done.csv': 'Secure verification code',
      'filing.done.receipt': 'Download the proof of receipt (ZIP with the PDF and its signature)',
      'filing.done.pending':
        'The proof of receipt is being prepared. Refresh the page in a few seconds to download it.',
      'filing.done.refresh': 'Refresh the page',
      'filing.done.next': 'What happens next',
      'filing.done.nextText':
        'The medical unit will assess your documents. You will see each step, and anything you need to do, in ‘My cases’.',
      'filing.done.follow': 'Follow the case',
      'filing.done.withdraw': 'Withdraw this application',
      'filing.done.withdrawn': 'You have withdrawn this application.',

      'filing.receipt.title': 'The proof of receipt is being prepared',
      'filing.receipt.pending':
        'We are preparing your proof of receipt. Try again in a few seconds: your documents are already registered.',
      'filing.receipt.retry': 'Try again',

      'filing.withdraw.title': 'Do you want to withdraw this application?',
      'filing.withdraw.warning':
        'If you withdraw, the medical unit stops assessing it and this cannot be undone. It is only possible before the decision.',
      'filing.withdraw.reason': 'Reason (optional)',
      'filing.withdraw.reason.hint': 'For example, that you no longer need the benefit.',
      'filing.withdraw.reason.error':
        'Enter the reason in 2,000 characters or fewer, without invisible characters',
      'filing.withdraw.submit': 'Yes, withdraw',
      'filing.withdraw.cancel': 'No, go back',

      'filing.error.concurrent':
        'This draft changed in another tab or device while you were editing it. We show you what is saved: check it and save again.',
      'filing.error.unreachable':
        'The service is not answering right now. What you already saved is not lost: try again in a few minutes.',
      'filing.error.tooLarge': 'What you wrote is too long. Shorten it and send it again.',
    },
  },
);
