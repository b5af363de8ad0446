//! The table of texts. Each entry gives French then English.
//!
//! Two macros, two kinds of text:
//! - `texts!`: plain texts, the unit variants of [`T`] (`T::Cancel.get(lang)`), never with a placeholder.
//! - `typed_texts!`: texts with arguments, generated as functions of [`tr`], one per text:
//!   `fn exported_to(path) => "PDF enregistré : {path}", "PDF saved: {path}";` makes
//!   `tr::exported_to(lang, path: impl Display) -> String`. An argument written `n: count` is a whole
//!   number ([`Integer`]) written with grouped digits that also chooses the form of a plural text
//!   (`{ one: "…", other: "…" }`, one per language; CLDR rules, [`Lang::plural_is_one`]); `n: num` is a
//!   grouped whole number that chooses nothing. Arguments are substituted once, by `format!`: a value is
//!   never read as a placeholder; a missing argument, or one a language leaves out, does not compile.

use super::Lang;

macro_rules! texts {
    ($($key:ident => $fr:expr, $en:expr;)*) => {
        /// A user-facing text, available in every [`Lang`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T {
            $(#[doc = $fr] $key,)*
        }

        impl T {
            /// Every text, for completeness tests.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            /// The text in `lang`, French with its typography ([`crate::locale::french_typography`],
            /// applied once per text and kept).
            pub fn get(self, lang: Lang) -> &'static str {
                static FRENCH: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
                match lang {
                    Lang::En => self.raw(Lang::En),
                    Lang::Fr => FRENCH
                        .get_or_init(|| {
                            T::ALL
                                .iter()
                                .map(|t| crate::locale::french_typography(t.raw(Lang::Fr)))
                                .collect()
                        })
                        .get(self as usize)
                        .map_or_else(|| self.raw(Lang::Fr), String::as_str),
                }
            }

            /// The text in `lang` as written in the table, before typography.
            pub fn raw(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Fr) => $fr, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

/// The raw strings of a text with arguments, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forms {
    /// One string.
    Plain(&'static str),
    /// A string per plural form, chosen by the `count` argument.
    Plural {
        /// For the counts of the "one" category (French 0 and 1, English 1).
        one: &'static str,
        /// For the other counts.
        other: &'static str,
    },
}

impl Forms {
    /// Every string of this language's forms.
    pub fn all(self) -> Vec<&'static str> {
        match self {
            Self::Plain(s) => vec![s],
            Self::Plural { one, other } => vec![one, other],
        }
    }
}

/// A text with arguments, as declared: for completeness tests.
#[derive(Debug, Clone, Copy)]
pub struct TypedText {
    /// The function's name in [`tr`].
    pub name: &'static str,
    /// Each argument and its kind (`""`, `"count"` or `"num"`).
    pub args: &'static [(&'static str, &'static str)],
    /// French.
    pub fr: Forms,
    /// English.
    pub en: Forms,
}

macro_rules! typed_texts {
    ($($(#[$meta:meta])* fn $name:ident ($($arg:ident $(: $kind:ident)?),* $(,)?) => $fr:tt, $en:tt;)*) => {
        /// The texts with arguments: one function per text, the language first, then the arguments.
        pub mod tr {
            use super::Lang;
            $(
                #[doc = typed_texts!(@doc $fr)]
                $(#[$meta])*
                pub fn $name(lang: Lang, $($arg: typed_texts!(@ty $($kind)?)),*) -> String {
                    match lang {
                        Lang::Fr => $crate::locale::french_typography(
                            &typed_texts!(@body lang [$($arg $(: $kind)?),*] $fr),
                        ),
                        Lang::En => typed_texts!(@body lang [$($arg $(: $kind)?),*] $en),
                    }
                }
            )*
        }

        /// Every text with arguments, with its raw strings.
        pub const TYPED: &[TypedText] = &[$(TypedText {
            name: stringify!($name),
            args: &[$((stringify!($arg), stringify!($($kind)?))),*],
            fr: typed_texts!(@forms $fr),
            en: typed_texts!(@forms $en),
        },)*];
    };

    (@ty count) => { impl $crate::locale::Integer };
    (@ty num) => { impl $crate::locale::Integer };
    (@ty) => { impl ::std::fmt::Display };

    (@fmt $lang:ident $arg:ident : count) => { $crate::locale::format_int($arg, $lang) };
    (@fmt $lang:ident $arg:ident : num) => { $crate::locale::format_int($arg, $lang) };
    (@fmt $lang:ident $arg:ident) => { $arg };

    (@count []) => { None };
    (@count [$arg:ident : count $(, $($rest:tt)*)?]) => {
        Some($crate::locale::Integer::to_i128($arg))
    };
    (@count [$arg:ident $(: $kind:ident)? $(, $($rest:tt)*)?]) => {
        typed_texts!(@count [$($($rest)*)?])
    };

    (@body $lang:ident [$($arg:ident $(: $kind:ident)?),*] $s:literal) => {{
        $(let $arg = typed_texts!(@fmt $lang $arg $(: $kind)?);)*
        format!($s)
    }};
    (@body $lang:ident [$($arg:ident $(: $kind:ident)?),*] { one: $one:literal, other: $other:literal $(,)? }) => {{
        let count: Option<i128> = typed_texts!(@count [$($arg $(: $kind)?),*]);
        $(let $arg = typed_texts!(@fmt $lang $arg $(: $kind)?);)*
        match count {
            Some(n) if $lang.plural_is_one(n) => format!($one),
            _ => format!($other),
        }
    }};

    (@forms $s:literal) => { Forms::Plain($s) };
    (@forms { one: $one:literal, other: $other:literal $(,)? }) => { Forms::Plural { one: $one, other: $other } };

    (@doc $s:literal) => { $s };
    (@doc { one: $one:literal, other: $other:literal $(,)? }) => { concat!($one, " / ", $other) };
}

texts! {
    // ---- Application -------------------------------------------------------------------------------
    AppName => "Vigie", "Vigie";
    AppTagline => "La sécurité des données de vos patients, vérifiée et prouvée",
        "Your patients' data security, checked and proven";
    OfflineNote => "Vigie fonctionne hors ligne : rien n'est envoyé sur Internet.",
        "Vigie works offline: nothing is sent over the Internet.";
    Language => "Langue", "Language";
    Back => "Retour", "Back";
    Continue => "Continuer", "Continue";
    Cancel => "Annuler", "Cancel";
    Show => "Afficher", "Show";
    NotGiven => "non renseigné", "not given";
    VaultFileFilter => "Coffre Vigie", "Vigie vault";
    TextFileFilter => "Fichier texte", "Text file";
    PdfFileFilter => "Document PDF", "PDF document";

    // ---- Welcome ------------------------------------------------------------------------------------
    WelcomeTitle => "Bienvenue dans Vigie", "Welcome to Vigie";
    WelcomeIntro => "Vigie vous aide à protéger les données de vos patients et à prouver que vous l'avez fait : une liste de contrôle guidée, des vérifications automatiques de l'ordinateur, un registre des violations de données et des rapports signés. Tout reste sur cet ordinateur, chiffré.",
        "Vigie helps you protect your patients' data and prove that you did: a guided checklist, automatic checks of the computer, a register of data breaches and signed reports. Everything stays on this computer, encrypted.";
    WelcomeCreate => "Créer le coffre de mon cabinet", "Create my practice's vault";
    WelcomeCreateHint => "Première utilisation : toutes vos données seront chiffrées, protégées par une phrase de passe.",
        "First use: all your data will be encrypted, protected by a passphrase.";
    WelcomeOpen => "Ouvrir un coffre existant…", "Open an existing vault…";
    WelcomeOpenHint => "Un fichier .vigie créé sur ce poste ou apporté par votre prestataire.",
        "A .vigie file created on this computer or brought by your IT provider.";
    WelcomeDemo => "Essayer le cabinet de démonstration", "Try the demo practice";
    WelcomeDemoHint => "Un cabinet de radiologie fictif, pour découvrir Vigie sans rien saisir.",
        "A fictional radiology practice, to discover Vigie without typing anything.";
    RecentVaults => "Coffres récents", "Recent vaults";
    MissingFile => "fichier introuvable", "file not found";

    // ---- Create -------------------------------------------------------------------------------------
    CreateTitle => "Créer le coffre du cabinet", "Create the practice's vault";
    CreateIntro => "Le coffre est un fichier chiffré qui contiendra tout ce que vous saisissez dans Vigie. Protégez-le par une phrase de passe : plusieurs mots sans rapport entre eux, faciles à retenir pour vous seul.",
        "The vault is an encrypted file that will hold everything you enter in Vigie. Protect it with a passphrase: several unrelated words that only you can easily remember.";
    PracticeNameLabel => "Nom du cabinet", "Practice name";
    PracticeNameHint => "ex. Cabinet du Dr Martin", "e.g. Dr Martin's practice";
    VaultLocation => "Fichier du coffre", "Vault file";
    ChangeLocation => "Changer l'emplacement…", "Change location…";
    PassphraseLabel => "Phrase de passe", "Passphrase";
    ConfirmPassphraseLabel => "Confirmez la phrase de passe", "Confirm the passphrase";
    PassphraseRule => "Au moins 12 caractères et difficile à deviner (solidité « bonne » au minimum). Évitez le nom du cabinet, des dates et des mots de passe déjà utilisés.",
        "At least 12 characters and hard to guess (\"good\" strength at least). Avoid the practice's name, dates and passwords you already use.";
    Strength0 => "très faible", "very weak";
    Strength1 => "faible", "weak";
    Strength2 => "moyenne", "fair";
    Strength3 => "bonne", "good";
    Strength4 => "excellente", "excellent";
    CreateButton => "Créer le coffre", "Create the vault";
    Creating => "Création du coffre : calcul des clés (quelques secondes)…",
        "Creating the vault: deriving the keys (a few seconds)…";
    PassphrasesDiffer => "Les deux phrases de passe sont différentes.", "The two passphrases differ.";

    // ---- Recovery code ------------------------------------------------------------------------------
    RecoveryTitle => "Votre code de secours", "Your recovery code";
    RecoveryIntro => "Si vous oubliez votre phrase de passe, ce code est le seul moyen d'ouvrir le coffre : personne, pas même l'équipe de Vigie, ne peut le retrouver. Il n'est affiché qu'une fois. Notez-le sur papier ou imprimez-le et rangez-le en lieu sûr, loin de l'ordinateur.",
        "If you forget your passphrase, this code is the only way to open the vault: nobody, not even the Vigie team, can recover it. It is shown only once. Write it down on paper or print it, and keep it somewhere safe, away from the computer.";
    RecoveryCodeCaption => "Code de secours du coffre", "Vault recovery code";
    SaveAsText => "Enregistrer en texte…", "Save as text…";
    SaveAsPdf => "Enregistrer en PDF (à imprimer)…", "Save as PDF (to print)…";
    SaveToRemovableAdvice => "Un fichier laissé sur cet ordinateur ne protège de rien : imprimez-le ou copiez-le sur une clé rangée à part, puis supprimez-le.",
        "A file left on this computer protects nothing: print it or copy it to a USB stick kept elsewhere, then delete it.";
    RecoveryWrittenDown => "Je l'ai noté et rangé en lieu sûr", "I have written it down and put it somewhere safe";
    RecoveryDocTitle => "Code de secours du coffre Vigie", "Vigie vault recovery code";
    RecoverySheetFileSuffix => "-code-de-secours", "-recovery-code";
    RecoveryDocAdvice => "Conservez ce document en lieu sûr, à part de l'ordinateur. Toute personne qui détient ce code et le fichier du coffre peut lire les données du cabinet. Pour l'utiliser : écran de déverrouillage, « J'ai oublié ma phrase de passe ».",
        "Keep this document somewhere safe, away from the computer. Anyone holding this code and the vault file can read the practice's data. To use it: unlock screen, \"I forgot my passphrase\".";

    // ---- Unlock -------------------------------------------------------------------------------------
    UnlockTitle => "Déverrouiller le coffre", "Unlock the vault";
    UnlockIntro => "Tapez la phrase de passe de ce coffre.", "Type this vault's passphrase.";
    UnlockWithRecoveryIntro => "Tapez le code de secours noté à la création du coffre (8 groupes de 4 caractères).",
        "Type the recovery code written down when the vault was created (8 groups of 4 characters).";
    UseRecoveryCode => "J'ai oublié ma phrase de passe", "I forgot my passphrase";
    UsePassphrase => "Utiliser la phrase de passe", "Use the passphrase";
    RecoveryCodeLabel => "Code de secours", "Recovery code";
    UnlockButton => "Déverrouiller", "Unlock";
    Unlocking => "Vérification de la clé (quelques secondes)…", "Checking the key (a few seconds)…";
    OtherVault => "Choisir un autre coffre", "Choose another vault";
    RecoveryUsedAdvice => "Coffre ouvert avec le code de secours. Choisissez dès maintenant une nouvelle phrase de passe ci-dessous.",
        "Vault opened with the recovery code. Choose a new passphrase below now.";

    // ---- Navigation and frame -----------------------------------------------------------------------
    NavDashboard => "Tableau de bord", "Dashboard";
    NavProfile => "Cabinet", "Practice";
    NavSettings => "Paramètres", "Settings";
    NavRegister => "Registre et information des patients", "Records register and patient notice";
    RegisterPageIntro => "Le registre des activités de traitement (RGPD art. 30) et l’information des patients (RGPD art. 13), pré-remplis à partir du référentiel de la CNIL et du profil du cabinet. Chaque texte se modifie ; ce que vous écrivez est gardé dans le coffre.", "The record of processing activities (GDPR art. 30) and the patients' notice (GDPR art. 13), pre-filled from the CNIL's reference framework and the practice profile. Every text can be changed; what you write is kept in the vault.";
    RegisterActivitiesHeading => "Activités de traitement", "Processing activities";
    RegisterOriginReference => "référentiel", "reference";
    RegisterOriginProfile => "profil", "profile";
    RegisterOriginProcessors => "page des sous-traitants", "processors page";
    RegisterOriginEdited => "modifié", "edited";
    RegisterRevert => "Revenir au texte pré-rempli", "Back to the pre-filled text";
    RegisterIncluded => "Dans le registre", "In the register";
    RegisterAsProfile => "Comme le profil l’indique", "As the profile says";
    RegisterOverridden => "Choix fait à la main, contre le profil", "Chosen by hand, against the profile";
    RegisterExcludedHeading => "Activités hors du registre", "Activities not in the register";
    RegisterNotAnswered => "pas encore répondu", "not answered yet";
    RegisterNoticeHeading => "Information des patients", "Patients' notice";
    RegisterNoticeNote => "Votre note, ajoutée à l’information", "Your note, added to the notice";
    RegisterExportPdf => "Exporter le registre (PDF)…", "Export the register (PDF)…";
    NoticeExportA4 => "Exporter l’affiche A4 (PDF)…", "Export the A4 poster (PDF)…";
    NoticeExportA5 => "Exporter le dépliant A5 (PDF)…", "Export the A5 leaflet (PDF)…";
    ProcessingHeading => "Sous-traitants et hébergement", "Processors and hosting";
    ExerciseLabel => "Mode d’exercice", "How you practise";
    ExerciseIndividual => "À titre individuel", "Individually";
    ExerciseGroup => "En groupe (cabinet de groupe, centre de santé)", "In a group (group practice, health centre)";
    RecordsVendorLabel => "Éditeur du logiciel de dossiers patients", "Patient-record software vendor";
    HostLabel => "Hébergeur des dossiers (s’ils sont hébergés hors du cabinet)", "Host of the records (if hosted outside the practice)";
    HostHdsLabel => "Cet hébergeur est-il certifié HDS ?", "Is this host certified for health data (HDS)?";
    TeleconsultationVendorLabel => "Outil de téléconsultation", "Teleconsultation tool";
    ImagingPartnerLabel => "Partenaire de téléradiologie ou d’imagerie", "Teleradiology or imaging partner";
    TransfersLabel => "Des données partent-elles hors de l’Union européenne ?", "Is any data sent outside the European Union?";
    LockNow => "Verrouiller", "Lock";
    Saving => "Enregistrement…", "Saving…";
    AllSaved => "Tout est enregistré", "Everything is saved";
    UnsavedEdits => "● Modifications non enregistrées", "● Changes not saved";
    Retry => "Réessayer", "Retry";

    // ---- Dashboard ----------------------------------------------------------------------------------
    DashboardTitle => "Tableau de bord", "Dashboard";
    PracticeCard => "Le cabinet", "The practice";
    VaultCard => "Le coffre", "The vault";
    Practitioner => "Praticien", "Practitioner";
    Specialty => "Spécialité", "Specialty";
    Staff => "Équipe", "Staff";
    StaffAlone => "exercice seul", "works alone";
    Imaging => "Imagerie", "Imaging";
    ImagingProduces => "produit des images", "produces images";
    ImagingKeeps => "conserve des images", "keeps images";
    ImagingKeepsOnPc => "sur un poste", "on a computer";
    ImagingKeepsOnServer => "sur un NAS ou un serveur", "on a NAS or a server";
    ImagingKeepsAtHost => "chez un hébergeur", "at a host";
    ImagingReceives => "reçoit des images", "receives images";
    ImagingServer => "serveur d'images (PACS)", "imaging server (PACS)";
    ImagingNone => "pas d'images médicales", "no medical images";
    VaultFile => "Fichier", "File";
    VaultFormat => "Format", "Format";
    VaultCreated => "Créé le", "Created on";
    LastSaved => "Dernier enregistrement", "Last saved";
    NotSavedThisSession => "pas encore dans cette session", "not yet in this session";
    Backups => "Copies de sauvegarde", "Backups";
    AutoLock => "Verrouillage automatique", "Automatic lock";
    CompleteProfile => "Compléter le profil", "Complete the profile";
    JournalTitle => "Historique du coffre", "Vault history";
    EventCreated => "Coffre créé", "Vault created";
    EventProfileUpdated => "Profil du cabinet enregistré", "Practice profile saved";
    EventPassphraseChanged => "Phrase de passe changée", "Passphrase changed";
    EventUnlockedWithRecovery => "Ouvert avec le code de secours", "Opened with the recovery code";
    EventScanned => "Analyse des dossiers enregistrée", "Folder scan recorded";

    // ---- Profile ------------------------------------------------------------------------------------
    ProfileTitle => "Profil du cabinet", "Practice profile";
    ProfileIntro => "Ces réponses adaptent la liste de contrôle à votre cabinet. Vous pourrez les modifier à tout moment.",
        "These answers fit the checklist to your practice. You can change them at any time.";
    IdentityHeading => "Identité", "Identity";
    PractitionerLabel => "Praticien (prénom et nom)", "Practitioner (full name)";
    RppsLabel => "Numéro RPPS (11 chiffres)", "RPPS number (11 digits)";
    SpecialtyLabel => "Spécialité", "Specialty";
    AddressLabel => "Adresse du cabinet", "Practice address";
    SiretLabel => "SIRET (facultatif)", "SIRET (optional)";
    EmailLabel => "Courriel du cabinet", "Practice e-mail";
    StaffHeading => "Qui travaille au cabinet ?", "Who works in the practice?";
    StaffSecretary => "Un(e) secrétaire ou assistant(e) qui utilise l'ordinateur", "A secretary or assistant who uses the computer";
    StaffLocums => "Des remplaçants", "Locum doctors";
    StaffAssistants => "D'autres salariés ou collaborateurs", "Other employees or associates";
    StaffSecretaryShort => "secrétariat", "secretary";
    StaffLocumsShort => "remplaçants", "locums";
    StaffAssistantsShort => "autres salariés", "other employees";
    ImagingHeading => "Imagerie médicale", "Medical imaging";
    HasImages => "Le cabinet produit des images médicales (radiologie, échographie, dentaire…)",
        "The practice produces medical images (radiology, ultrasound, dental…)";
    KeepsImagesLabel => "Le cabinet conserve des images médicales, produites ou reçues (cochez chaque endroit) :",
        "The practice keeps medical images, produced or received (tick every place):";
    KeepsImagesOnPc => "sur ce poste ou un autre ordinateur du cabinet", "on this PC or another practice computer";
    KeepsImagesOnServer => "sur un NAS ou un serveur d'images du cabinet", "on a NAS or an imaging server in the practice";
    KeepsImagesAtHost => "chez un hébergeur (plateforme d'imagerie, téléradiologie)", "at a host (imaging platform, teleradiology)";
    ImagingToConfirm => "Vigie distingue désormais « produit », « conserve » et « reçoit ». Ces réponses ont été déduites de l'ancienne case « produit ou conserve » : vérifiez-les, puis enregistrez.",
        "Vigie now tells apart “produces”, “keeps” and “receives”. These answers were derived from the former “produces or keeps” box: check them, then save.";
    HasImagingServer => "Un serveur d'images (PACS) ou une visionneuse accessible depuis d'autres appareils",
        "An imaging server (PACS) or a viewer reachable from other devices";
    RecordsLabel => "Logiciel de dossiers patients", "Patient-record software";
    RecordsLocal => "installé sur un ordinateur du cabinet", "installed on a practice computer";
    RecordsCloud => "en ligne, chez un hébergeur de données de santé (HDS)", "online, at a health-data host (HDS)";
    RecordsPaper => "dossiers papier uniquement", "paper records only";
    ServicesHeading => "Services et accès", "Services and access";
    OnlineBooking => "Prise de rendez-vous en ligne", "Online booking";
    PatientWifi => "Wi-Fi proposé aux patients", "Wi-Fi offered to patients";
    RemoteAccess => "Accès à distance à l'ordinateur du cabinet (depuis le domicile…)", "Remote access to the practice computer (from home…)";
    ItProviderLabel => "Prestataire informatique (nom, contact)", "IT provider (name, contact)";
    DpoHeading => "Délégué à la protection des données (DPO), s'il y en a un", "Data protection officer (DPO), if any";
    DpoName => "Nom du DPO", "DPO's name";
    DpoEmail => "Courriel du DPO", "DPO's e-mail";
    DpoPhone => "Téléphone du DPO", "DPO's phone";
    PatientsPerYear => "Patients par an (environ)", "Patients per year (about)";
    DpoAdvice => "Un DPO n'est obligatoire qu'en cas de traitement « à grande échelle » : maison ou centre de santé, réseau de professionnels, dossiers partagés. Un médecin qui exerce seul n'a pas à mener d'analyse d'impact.",
        "A DPO is mandatory only for processing “on a large scale”: a maison or centre de santé, a network of professionals, shared records. A doctor practising alone need not carry out an impact assessment.";
    SaveProfile => "Enregistrer le profil", "Save the profile";
    ProfileSaved => "Profil enregistré.", "Profile saved.";
    FixFields => "Corrigez les champs signalés en rouge.", "Correct the fields marked in red.";
    SpecialtyGeneralPractice => "Médecine générale", "General practice";
    SpecialtyRadiology => "Radiologie", "Radiology";
    SpecialtyDentistry => "Chirurgie dentaire", "Dentistry";
    SpecialtyCardiology => "Cardiologie", "Cardiology";
    SpecialtyGynaecology => "Gynécologie-obstétrique", "Gynaecology and obstetrics";
    SpecialtyOphthalmology => "Ophtalmologie", "Ophthalmology";
    SpecialtyRheumatology => "Rhumatologie", "Rheumatology";
    SpecialtyOther => "Autre spécialité", "Other specialty";

    // ---- Checklist ----------------------------------------------------------------------------------
    NavChecklist => "Liste de contrôle", "Checklist";
    NavActions => "Plan d'action", "Action plan";
    NavReports => "Rapports", "Reports";
    ChecklistTitle => "Liste de contrôle de sécurité", "Security checklist";
    ChecklistIntro => "Répondez question par question : chaque réponse est enregistrée aussitôt dans le coffre. Vous pouvez vous arrêter et reprendre quand vous voulez.",
        "Answer question by question: each answer is saved in the vault at once. You can stop and resume whenever you like.";
    ScoreNone => "Pas encore de score", "No score yet";
    ThemeScoreNone => "Score du thème : pas encore calculé", "Theme score: not yet computed";
    AnsweringAs => "Je réponds en tant que", "Answering as";
    RespondentDoctor => "Médecin", "Doctor";
    RespondentConsultant => "Consultant (DPO, prestataire)", "Consultant (DPO, IT provider)";
    AnswerYes => "Oui", "Yes";
    AnswerPartly => "En partie", "Partly";
    AnswerNo => "Non", "No";
    AnswerNotApplicable => "Non concerné", "Not applicable";
    AnswerDontKnow => "Je ne sais pas", "I don't know";
    WhyHeading => "Pourquoi c'est important", "Why it matters";
    HowHeading => "Comment vérifier et corriger", "How to check and fix";
    BoxStepsHeading => "Les réglages de votre box Internet", "Steps for your Internet router";
    BoxPortForwarding => "Redirection de ports et DMZ", "Port forwarding and DMZ";
    BoxUpnp => "UPnP", "UPnP";
    BoxWifi => "Wi-Fi", "Wi-Fi";
    BoxAdminPassword => "Administration de la box", "Router administration";
    NoteLabel => "Note (ce que vous avez constaté, ce qui est prévu)", "Note (what you saw, what is planned)";
    EvidenceHeading => "Pièces justificatives", "Evidence";
    AttachEvidence => "Joindre un fichier…", "Attach a file…";
    RemoveEvidence => "Retirer", "Remove";
    ErrEvidenceEmpty => "Ce fichier est vide.", "This file is empty.";
    ChangeProfileHint => "Si ce n'est plus exact, modifiez le profil du cabinet.", "If this is no longer right, change the practice profile.";
    PreviousTheme => "← Thème précédent", "← Previous theme";
    NextTheme => "Thème suivant →", "Next theme →";
    SanctionsBadge => "⚠ en cause dans les sanctions de 2020", "⚠ at stake in the 2020 sanctions";
    ActionsTitle => "Plan d'action", "Action plan";
    ActionsIntro => "Les mesures à prendre, les plus importantes d'abord. Indiquez qui s'en charge et pour quand ; le plan est repris d'une année sur l'autre.",
        "The measures to take, most important first. Say who takes care of each and by when; the plan carries over from one year to the next.";
    ActionsEmpty => "Aucune action pour l'instant : chaque réponse « non », « en partie » ou « je ne sais pas » de la liste de contrôle crée une action.",
        "No action yet: each \"no\", \"partly\" or \"I don't know\" answer of the checklist creates one.";
    ColPriority => "N°", "No.";
    ColMeasure => "Mesure", "Measure";
    ColOwner => "Responsable", "Owner";
    ColDue => "Échéance", "Due";
    ColStatus => "État", "Status";
    ColTheme => "Thème", "Theme";
    ColQuestion => "Question", "Question";
    ColAnswer => "Réponse", "Answer";
    ColNote => "Note et pièces", "Note and evidence";
    ColScore => "Score", "Score";
    ColAnswered => "Répondu", "Answered";
    KindFix => "Mettre en place", "Put in place";
    KindFindOut => "Se renseigner", "Find out";
    StatusTodo => "À faire", "To do";
    StatusInProgress => "En cours", "In progress";
    StatusDone => "Fait", "Done";
    DueHint => "jj/mm/aaaa", "dd/mm/yyyy";
    ErrDate => "Cette date n'existe pas ou est mal écrite : tapez-la au format jj/mm/aaaa, par exemple 15/03/2027.", "Not a date that exists, or not written as one: type it as dd/mm/yyyy, for example 15/03/2027.";
    Overdue => "en retard", "overdue";
    ReportsTitle => "Rapports", "Reports";
    ReportsIntro => "Des documents PDF à conserver : ils se suffisent à eux-mêmes, datés, avec les réponses, les pièces et le plan d'action.",
        "PDF documents to keep: they stand on their own, dated, with the answers, the evidence and the action plan.";
    ExportAssessment => "Rapport d'auto-évaluation (PDF)…", "Self-assessment report (PDF)…";
    ExportActionPlan => "Plan d'action (PDF)…", "Action plan (PDF)…";
    ReportLanguage => "Langue du document", "Document language";
    Exporting => "Création du PDF…", "Creating the PDF…";
    DashScore => "Score de sécurité", "Security score";
    DashNoScore => "Commencez la liste de contrôle pour obtenir un score.", "Start the checklist to get a score.";
    ContinueChecklist => "Continuer la liste de contrôle", "Continue the checklist";
    NextActions => "Prochaines actions", "Next actions";
    NoDueDate => "sans échéance", "no due date";
    ReportTitle => "Auto-évaluation de la sécurité des données", "Data security self-assessment";
    ActionPlanReportTitle => "Plan d'action sécurité", "Security action plan";
    ReportSubtitle => "RGPD, articles 32 à 34 — cabinet médical", "GDPR, articles 32 to 34 — medical practice";
    ReportPractice => "Cabinet", "Practice";
    ReportDate => "Date du rapport", "Report date";
    ReportStatus => "Statut", "Status";
    ReportDraft => "Brouillon, non signé", "Draft, not signed";
    ReportOverall => "Score global", "Overall score";
    ReportProgress => "Avancement", "Progress";
    SectionSummary => "Synthèse", "Summary";
    SectionAnswers => "Réponses par thème", "Answers by theme";
    SectionActionPlan => "Plan d'action", "Action plan";
    ReportNotAnswered => "non répondu", "not answered";
    ReportNotApplicable => "ne concerne pas le cabinet", "does not concern the practice";
    ReportScoreExplained => "Chaque question compte selon son importance (1 à 3) : « oui » rapporte tout, « en partie » la moitié, « non » et « je ne sais pas » rien. Les questions qui ne concernent pas le cabinet sont exclues.",
        "Each question counts by its importance (1 to 3): \"yes\" earns it all, \"partly\" half, \"no\" and \"I don't know\" nothing. Questions that do not concern the practice are left out.";
    ReportNoActions => "Aucune action en cours.", "No open action.";

    // ---- Scanner ------------------------------------------------------------------------------------
    ScanCancelled => "Analyse interrompue avant la fin.", "Scan stopped before the end.";
    ScanNoFinding => "Aucune image médicale ni export d'image trouvé.", "No medical image or image export found.";
    ScanErrorsHeading => "Chemins illisibles (l'analyse a continué) :", "Unreadable paths (the scan went on):";
    RiskHigh => "ÉLEVÉ", "HIGH";
    RiskMedium => "moyen", "medium";
    RiskLow => "faible", "low";
    RiskNone => "aucun", "none";
    RiskExplainHigh => "Risque élevé : images médicales qui identifient des patients, sans chiffrement. Chiffrez le disque ou déplacez-les vers un emplacement chiffré, et retirez-les des dossiers synchronisés.",
        "High risk: medical images that identify patients, not encrypted. Encrypt the disk or move them to an encrypted place, and take them out of synced folders.";
    RiskExplainMedium => "Risque moyen : images anonymisées ou exports d'images sans chiffrement. Vérifiez qu'ils ne montrent pas de nom et rangez-les dans un emplacement chiffré.",
        "Medium risk: de-identified images or image exports, not encrypted. Check they show no name and keep them in an encrypted place.";
    RiskExplainLow => "Risque faible : sur un volume chiffré.", "Low risk: on an encrypted volume.";
    KindDicom => "DICOM", "DICOM";
    KindDicomNoPreamble => "DICOM sans préambule", "DICOM without preamble";
    KindDicomRaw => "DICOM brut (sans en-tête de fichier)", "raw DICOM (no file header)";
    KindDicomdir => "DICOMDIR (sommaire de CD ou de clé)", "DICOMDIR (CD or USB directory)";
    KindGzipDicom => "DICOM compressé (gzip)", "compressed DICOM (gzip)";
    FlagName => "nom", "name";
    FlagId => "identifiant", "ID";
    FlagBirthDate => "date de naissance", "birth date";
    FlagDeidentified => "anonymisé", "de-identified";
    FlagHeaderUnreadable => "en-tête illisible", "header unreadable";
    FlagVolumeEncrypted => "volume chiffré", "encrypted volume";
    FlagVolumeClear => "volume non chiffré", "unencrypted volume";
    FlagVolumeUnknown => "chiffrement du volume inconnu", "volume encryption unknown";
    FlagRemovable => "support amovible", "removable medium";
    // Plain-words summary of a scan (screen and PDF).
    ScanPlainNothing => "Aucune image médicale ni export d'image trouvé dans les dossiers analysés.",
        "No medical image or image export was found in the folders scanned.";
    ScanPlainCancelled => "L'analyse a été interrompue avant la fin : les résultats sont partiels.",
        "The scan was stopped before the end: the results are partial.";
    // The Scan screen.
    NavScan => "Analyse des dossiers", "Folder scan";
    ScanTitle => "Analyse des dossiers", "Folder scan";
    ScanIntro => "Vigie cherche les images médicales (DICOM, même sans extension, dans des archives zip ou gzip) et les exports d'images en lisant le contenu des fichiers. Rien n'est modifié ni envoyé ; seuls les chemins et des indicateurs sont conservés, jamais les noms des patients.",
        "Vigie looks for medical images (DICOM, even without an extension, inside zip or gzip archives) and image exports by reading the files' content. Nothing is changed or sent; only paths and flags are kept, never patients' names.";
    ScanWhere => "Où chercher", "Where to look";
    ScanNoPlace => "Aucun dossier habituel trouvé : ajoutez un dossier.", "No usual folder found: add a folder.";
    ScanAddFolder => "Ajouter un dossier…", "Add a folder…";
    ScanRemoveFolder => "Retirer", "Remove";
    ScanStart => "Lancer l'analyse", "Start the scan";
    ScanStop => "Arrêter l'analyse", "Stop the scan";
    ScanRunning => "Analyse en cours…", "Scanning…";
    ScanNeverRun => "Aucune analyse enregistrée pour ce cabinet. Choisissez où chercher, puis lancez l'analyse.",
        "No scan recorded for this practice yet. Choose where to look, then start the scan.";
    ScanSaved => "Résultats enregistrés dans le coffre.", "Results saved in the vault.";
    ScanExportPdf => "Exporter le rapport d'analyse (PDF)", "Export the scan report (PDF)";
    ScanFilterRisk => "Risque", "Risk";
    ScanFilterKind => "Type", "Kind";
    ScanFilterFolder => "Filtrer par dossier ou nom", "Filter by folder or name";
    ScanFilterAll => "Tous", "All";
    ScanKindDicom => "Fichiers DICOM", "DICOM files";
    ScanKindArchives => "Archives et DICOMDIR", "Archives and DICOMDIR";
    ScanKindExports => "Exports d'images", "Image exports";
    ScanKindEncrypted => "Conteneurs chiffrés", "Encrypted containers";
    ScanColRisk => "Risque", "Risk";
    ScanColName => "Fichier", "File";
    ScanColFolder => "Dossier", "Folder";
    ScanColFlags => "Constats", "Findings";
    ScanColSize => "Taille", "Size";
    ScanOpen => "Ouvrir", "Open";
    ScanOpenFolder => "Ouvrir le dossier qui contient ce fichier", "Open the folder that holds this file";
    ScanDashNoHigh => "Aucun fichier à risque élevé.", "No high-risk file.";
    ScanDashOpen => "Ouvrir l'analyse des dossiers", "Open the folder scan";
    ScanHistoryHeading => "Analyses précédentes", "Earlier scans";
    ScanFindingPlaces => "Recherche des emplacements à analyser sur cet ordinateur…", "Looking for the places to scan on this computer…";
    ScanRefreshPlaces => "Actualiser la liste", "Refresh the list";
    ScanLockedStopped => "L'analyse a été arrêtée au verrouillage du coffre.", "The scan was stopped when the vault locked.";
    ScanAttachEvidence => "Joindre le dernier rapport d'analyse", "Attach the last scan report";
    ScanEvidenceNone => "Lancez l'analyse des dossiers pour pouvoir joindre son rapport.", "Run the folder scan to be able to attach its report.";
    PlaceDocuments => "Documents", "Documents";
    PlaceDesktop => "Bureau", "Desktop";
    PlaceDownloads => "Téléchargements", "Downloads";
    PlacePictures => "Images", "Pictures";
    PlaceRemovable => "Support amovible", "Removable medium";
    PlaceAdded => "Dossier ajouté", "Added folder";
    // The scan report (PDF).
    ScanReportTitle => "Analyse des dossiers : images médicales", "Folder scan: medical images";
    ScanReportDate => "Analyse du", "Scan of";
    ScanReportRoots => "Dossiers analysés", "Folders scanned";
    ScanReportFiles => "Fichiers examinés", "Files examined";
    ScanReportDuration => "Durée", "Duration";
    ScanReportFound => "Fichiers trouvés", "Files found";
    ScanReportRule => "Règle de risque : élevé = image DICOM identifiante (ou archive, DICOMDIR, en-tête illisible) sur un volume non chiffré ou inconnu, un support amovible ou dans un dossier synchronisé ; moyen = image anonymisée ou export d'image dans ces mêmes lieux ; faible = sur un volume chiffré ; aucun = conteneur chiffré. Vigie ne conserve que les chemins et des indicateurs, jamais les noms ni les identifiants des patients.",
        "Risk rule: high = identifying DICOM image (or archive, DICOMDIR, unreadable header) on an unencrypted or unknown volume, a removable medium or in a synced folder; medium = de-identified image or image export in those places; low = on an encrypted volume; none = encrypted container. Vigie keeps only paths and flags, never patients' names or IDs.";
    ScanReportByRisk => "Par niveau de risque", "By risk level";
    ScanReportFindings => "Fichiers trouvés", "Files found";
    ScanReportErrors => "Chemins illisibles", "Unreadable paths";
    ScanReportNoScan => "aucune analyse des dossiers n'est enregistrée dans ce coffre : lancez-la depuis l'écran « Analyse des dossiers »",
        "no folder scan is recorded in this vault: run one from the “Folder scan” screen";
    ScanReportCount => "Nombre", "Count";
    ScanReportIdentifying => "Dont identifiants (nom, identifiant ou date de naissance)", "Of which identifying (name, ID or birth date)";

    // ---- Settings -----------------------------------------------------------------------------------
    SettingsTitle => "Paramètres", "Settings";
    LanguageHeading => "Langue de l'interface", "Interface language";
    AutoLockHeading => "Verrouillage automatique", "Automatic lock";
    AutoLockHelp => "Le coffre se verrouille après ce délai sans activité ; il faut alors retaper la phrase de passe.",
        "The vault locks after this time without activity; the passphrase must then be typed again.";
    DataHeading => "Emplacement des données", "Where data lives";
    DataDir => "Dossier des données de Vigie", "Vigie's data folder";
    DataSourceLabel => "Pourquoi ici", "Why here";
    DataSourceExplicit => "choisi au lancement (option --data-dir)", "chosen at start-up (--data-dir option)";
    DataSourceEnv => "variable d'environnement VIGIE_DATA_DIR", "VIGIE_DATA_DIR environment variable";
    DataSourcePortable => "mode portable : un fichier « portable » est à côté du programme, tout reste sur ce support",
        "portable mode: a “portable” file sits next to the program, everything stays on this medium";
    DataSourceSystem => "dossier de données de l'utilisateur, sur cet ordinateur", "the user's data folder, on this computer";
    OpenVaultPath => "Coffre ouvert", "Open vault";
    ChangePassphraseHeading => "Phrase de passe du coffre", "Vault passphrase";
    ChangePassphraseHelp => "Seule la clé d'accès change : le contenu du coffre et le code de secours restent les mêmes.",
        "Only the access key changes: the vault's contents and the recovery code stay the same.";
    CurrentPassphrase => "Phrase de passe actuelle", "Current passphrase";
    NewPassphraseLabel => "Nouvelle phrase de passe", "New passphrase";
    ConfirmNewPassphrase => "Confirmez la nouvelle phrase de passe", "Confirm the new passphrase";
    ChangePassphraseButton => "Changer la phrase de passe", "Change the passphrase";
    ChangingPassphrase => "Changement de la phrase de passe…", "Changing the passphrase…";
    PassphraseChanged => "Phrase de passe changée. Le code de secours reste le même.", "Passphrase changed. The recovery code stays the same.";
    LockHeading => "Verrouiller maintenant", "Lock now";
    LockHelp => "Verrouille le coffre tout de suite, par exemple avant de quitter le bureau.",
        "Locks the vault at once, for example before leaving the office.";
    // The diagnostic log (issue 30), for support.
    LogsHelp => "Pour l'assistance : la version, le résultat de chaque commande, les erreurs et les plantages. Jamais de nom, de chemin, de phrase de passe ni de donnée du cabinet ou des patients.",
        "For support: the version, each command's outcome, failures and crashes. Never a name, a path, a passphrase, or any data of the practice or its patients.";
    OpenLogFolder => "Ouvrir le dossier des journaux", "Open the log folder";
    LogsHeading => "Journal de diagnostic", "Diagnostic log";

    // ---- Errors -------------------------------------------------------------------------------------
    ErrWrongPassphrase => "Phrase de passe incorrecte. Vérifiez la touche Verr. Maj et réessayez. Le coffre n'a pas été modifié.",
        "Wrong passphrase. Check Caps Lock and try again. The vault was not changed.";
    ErrWrongRecovery => "Ce code de secours n'ouvre pas ce coffre : il appartient peut-être à un autre coffre.",
        "This recovery code does not open this vault: it may belong to another vault.";
    ErrCorrupt => "Le fichier du coffre est endommagé ou a été modifié en dehors de Vigie ; il a été laissé tel quel. Ouvrez la copie de sauvegarde la plus récente (le fichier « .bak1 » à côté du coffre).",
        "The vault file is damaged or was modified outside Vigie; it was left as it is. Open the most recent backup (the \".bak1\" file beside the vault).";
    ErrNotAVault => "Ce fichier n'est pas un coffre Vigie.", "This file is not a Vigie vault.";
    ErrChangedOnDisk => "Le fichier du coffre a été modifié par un autre programme (une autre fenêtre de Vigie ?) depuis son ouverture. Vigie ne l'a pas écrasé ; verrouillez puis rouvrez le coffre.",
        "The vault file was changed by another program (another Vigie window?) since it was opened. Vigie did not overwrite it; lock and reopen the vault.";
    ErrOutputNotPdf => " et n'est pas un PDF", " and is not a PDF";
    UsageMissingCommand => "il manque la commande (par exemple : vigie vault check)", "a command is missing (for example: vigie vault check)";
    UsageOther => "ligne de commande non valable", "invalid command line";
    ErrRandom => "Le générateur de nombres aléatoires du système a échoué.", "The system's random number generator failed.";
    ErrTooGuessable => "Cette phrase de passe est trop facile à deviner. Ajoutez des mots sans rapport entre eux.",
        "This passphrase is too easy to guess. Add unrelated words.";
    JobCreateVault => "la création du coffre", "the creation of the vault";
    JobUnlock => "le déverrouillage", "the unlock";
    JobSave => "l'enregistrement du coffre", "the save of the vault";
    JobChangePassphrase => "le changement de phrase de passe (l'ancienne reste valable)", "the passphrase change (the old one still works)";
    JobWriteDocument => "l'écriture du document", "the writing of the document";
    JobReadEvidence => "la lecture de la pièce justificative", "the reading of the evidence file";
    JobFindPlaces => "la recherche des emplacements à analyser", "the search for places to scan";
    JobCheckRecent => "la vérification des coffres récents", "the check of the recent vaults";
    JobSaveSettings => "l'enregistrement des préférences", "the save of the preferences";
    // The system's reasons for a file-access error (`io_reason`).
    IoNotFound => "fichier ou dossier introuvable", "no such file or folder";
    IoPermissionDenied => "accès refusé", "permission denied";
    IoStorageFull => "disque plein", "disk full";
    IoQuotaExceeded => "quota de disque dépassé", "disk quota exceeded";
    IoReadOnly => "support en lecture seule", "read-only medium";
    IoIsADirectory => "c'est un dossier, pas un fichier", "it is a folder, not a file";
    IoNotADirectory => "un élément du chemin n'est pas un dossier", "part of the path is not a folder";
    IoAlreadyExists => "le fichier existe déjà", "the file already exists";
    IoDirectoryNotEmpty => "le dossier n'est pas vide", "the folder is not empty";
    IoInvalidFilename => "nom de fichier non valable", "invalid file name";
    IoFileTooLarge => "fichier trop volumineux", "file too large";
    IoNotARegularFile => "pas un fichier ordinaire (tube, périphérique ou autre) : refusé", "not a regular file (a pipe, a device or other): refused";
    IoResourceBusy => "le fichier est utilisé par un autre programme", "the file is in use by another program";
    IoCrossesDevices => "le déplacement traverse deux disques", "the move crosses two disks";
    IoTimedOut => "délai dépassé", "timed out";
    IoUnexpectedEof => "fichier plus court que prévu", "file shorter than expected";
    IoBrokenPipe => "la sortie a été fermée", "the output was closed";
    IoInterrupted => "opération interrompue", "operation interrupted";
    IoSystem => "erreur du système", "system error";
    FieldRequired => "Obligatoire.", "Required.";
    FieldRpps => "Un numéro RPPS compte 11 chiffres.", "An RPPS number has 11 digits.";
    FieldSiretFormat => "Un numéro SIRET compte 14 chiffres.", "A SIRET number has 14 digits.";
    FieldSiretChecksum => "Ce SIRET ne passe pas le contrôle : un chiffre est sans doute faux.", "This SIRET fails its check: a digit is probably wrong.";
    FieldEmail => "Adresse de courriel invalide.", "Not a valid e-mail address.";
    FieldNumber => "Un nombre entier est attendu.", "A whole number is expected.";
    FieldTooLong => "Trop long.", "Too long.";

    // ---- Command line -------------------------------------------------------------------------------
    CliRecoveryCode => "Code de secours (affiché une seule fois : notez-le et rangez-le en lieu sûr) :",
        "Recovery code (shown only once: write it down and keep it somewhere safe):";
    CliCheckDemo => "Cabinet de démonstration fictif", "Fictional demo practice";
    CliPasswdDone => "Phrase de passe changée ; le code de secours reste valable.", "Passphrase changed; the recovery code remains valid.";
    CliPromptPassphrase => "Phrase de passe : ", "Passphrase: ";
    CliPromptNew => "Nouvelle phrase de passe : ", "New passphrase: ";
    CliPromptConfirm => "Confirmez : ", "Confirm: ";
    CliPromptRecovery => "Code de secours : ", "Recovery code: ";

    // ---- Signed self-assessment ---------------------------------------------------------------------
    ReportSigned => "Terminée et signée", "Completed and signed";
    ReportCompletedAt => "Terminée le", "Completed on";
    SectionSignatures => "Signatures", "Signatures";
    ReportVerificationCode => "Code du document (code de vérification : SHA-256 du document signé)", "Document's code (verification code: SHA-256 of the signed document)";
    PdfCodeLabel => "Code du PDF (SHA-256 de ce fichier PDF ; ce n'est pas le code du document imprimé sur le rapport)", "PDF's code (SHA-256 of this PDF file; not the document's code printed on the report)";
    ReportHowToVerify => "Chaque signature est une signature OpenSSH : n'importe qui peut la vérifier sans Vigie avec « ssh-keygen -Y verify », présent sur Windows 10 et 11, macOS et Linux. Le fichier HOW-TO-VERIFY.txt, remis avec ce rapport, donne les commandes exactes ; ce PDF est lui-même signé (fichier .sig à côté).",
        "Each signature is an OpenSSH signature: anyone can check it without Vigie with \"ssh-keygen -Y verify\", present on Windows 10 and 11, macOS and Linux. The HOW-TO-VERIFY.txt file, handed over with this report, gives the exact commands; this PDF is itself signed (the .sig file beside it).";
    RoleDoctor => "Médecin responsable", "Practitioner in charge";
    RoleConsultant => "DPO / consultant", "DPO / consultant";
    ColThen => "Avant", "Then";
    ColNow => "Maintenant", "Now";
    HowtoRegisterUnsigned => "3. La tête n'est pas signée : le cabinet n'a pas encore de clé de signature (elle est créée à la première auto-évaluation signée). Comparez la tête avec celle imprimée sur un registre PDF gardé hors du cabinet.", "3. The head is not signed: the practice has no signing key yet (it is made at the first signed self-assessment). Compare the head with the one printed on a register PDF kept outside the practice.";
    HowtoCommands => "Dans un terminal ouvert dans ce dossier, chaque commande doit répondre « Good \"…\" signature for … » :",
        "In a terminal opened in this folder, each command must answer \"Good \"…\" signature for …\":";
    HowtoStatements => "Chaque contre-signataire a aussi signé une déclaration (countersignature-….json, espace de noms vigie-countersignature) : le SHA-256 du document, son nom, son organisation et son rôle, la date, et l'empreinte de la clé du médecin dont il se porte garant. C'est elle qui dit qui a contresigné ; chaque commande doit répondre « Good \"vigie-countersignature\" signature for … » :",
        "Each countersigner also signed a statement (countersignature-….json, namespace vigie-countersignature): the document's SHA-256, their name, organisation and role, the date, and the fingerprint of the doctor's key they vouch for. It is what says who countersigned; each command must answer \"Good \"vigie-countersignature\" signature for …\":";
    HowtoSignersJson => "signers.json n'est couvert par AUCUNE signature : c'est une simple déclaration (noms, rôles, dates), pour la lecture. Ne vous fiez qu'à l'identité du médecin écrite dans le document signé et aux déclarations signées des contre-signataires.",
        "signers.json is covered by NO signature: it is a mere declaration (names, roles, dates), for reading. Rely only on the doctor's identity written in the signed document and on the countersigners' signed statements.";
    HowtoPdfCode => "Le rapport PDF a son propre code, le « code du PDF » (SHA-256 du fichier PDF), différent du « code du document » ci-dessus : « vigie verify » sur le PDF affiche le code du PDF et la date de signature du PDF.",
        "The PDF report has a code of its own, the \"PDF's code\" (SHA-256 of the PDF file), different from the \"document's code\" above: \"vigie verify\" on the PDF shows the PDF's code and the PDF's signing date.";
    HowtoSums => "Tous les fichiers de ce dossier (pièces justificatives comprises, dans evidence/, nommées par leur SHA-256) sont listés avec leur SHA-256 dans SHA256SUMS ; dans un terminal ouvert dans ce dossier : sha256sum -c SHA256SUMS (chaque ligne doit finir par « OK »).",
        "Every file of this folder (evidence files included, in evidence/, named by their SHA-256) is listed with its SHA-256 in SHA256SUMS; in a terminal opened in this folder: sha256sum -c SHA256SUMS (every line must end with \"OK\").";
    HowtoWindows => "Sous Windows 10 ou 11 : ouvrez l'Invite de commandes (cmd, pas PowerShell), allez dans le dossier (cd /d \"chemin du dossier\"), puis tapez les mêmes commandes. Le signe < de cmd transmet le fichier tel quel ; un tube PowerShell 5.1 (Get-Content … |) en change les octets et la vérification échouerait.",
        "On Windows 10 or 11: open the Command Prompt (cmd, not PowerShell), go to the folder (cd /d \"folder path\"), then type the same commands. cmd's < passes the file unchanged; a PowerShell 5.1 pipe (Get-Content … |) changes its bytes and the check would fail.";
    HowtoExpected => "Empreintes des clés des signataires, à comparer avec celles imprimées sur le rapport papier :",
        "Fingerprints of the signers' keys, to compare with those printed on the paper report:";
    HowtoChanged => "Si un seul octet du document, du rapport ou d'une signature a changé, ssh-keygen répond « Signature verification failed » et « vigie verify » sort en erreur (code 2).",
        "If a single byte of the document, the report or a signature has changed, ssh-keygen answers \"Signature verification failed\" and \"vigie verify\" exits with an error (status 2).";
    EventAssessmentSigned => "Auto-évaluation terminée et signée", "Self-assessment completed and signed";
    EventAssessmentCountersigned => "Contre-signature ajoutée à une auto-évaluation", "Countersignature added to a self-assessment";
    PdfHeadNotSigned => "Tête de chaîne non signée : le médecin n'a pas encore de clé de signature (elle est créée à la première auto-évaluation signée).", "Chain head not signed: the practitioner has no signing key yet (it is made at the first signed self-assessment).";
    PdfWitnessedHeading => "Ce que les signatures attestent aussi", "What the signatures also witness";
    PdfWitnessedScan => "Dernière recherche d'images", "Last image scan";
    PdfWitnessedChecks => "Derniers contrôles du poste", "Last PC checks";
    PdfWitnessedBox => "Dernière lecture de la box", "Last reading of the box";
    PdfWitnessedRegisterShort => "registre", "register";
    PdfWitnessedScanShort => "scan", "scan";
    PdfWitnessedChecksShort => "poste", "pc";
    PdfWitnessedBoxShort => "box", "box";
    PdfWitnessedFull => "Valeurs complètes (SHA-256), à comparer avec vigie verify ou le registre exporté :", "Full values (SHA-256), to compare with vigie verify or the exported register:";
    PdfHeadSignedText => "Texte signé (quatre lignes, chacune suivie d'un retour à la ligne) :", "Signed text (four lines, each followed by a line feed):";
    PdfHeadAllowedSigner => "Clé publique du signataire (ligne du fichier allowed_signers) :", "The signer's public key (allowed_signers line):";
    PdfHeadSignature => "Signature OpenSSH :", "OpenSSH signature:";
    SigValid => "signature valide", "valid signature";
    SigUnknownKey => "NON VALABLE : allowed_signers n'autorise pas cette clé pour ce signataire (principal), cet usage (namespace) ou cette date — comme ssh-keygen", "NOT VALID: allowed_signers does not allow this key for this signer (principal), purpose (namespace) or date — as ssh-keygen";
    SigMismatch => "NON VALABLE : le fichier a été modifié depuis la signature, ou la signature a été altérée", "NOT VALID: the file was changed since it was signed, or the signature was altered";
    SigMalformed => "NON VALABLE : fichier de signature illisible", "NOT VALID: unreadable signature file";
    SigMissing => "signature manquante : ce signataire est listé mais sa signature n'est plus là", "missing signature: this signer is listed but their signature is gone";
    VerifyNoSignature => "Aucune signature trouvée à côté du fichier.", "No signature found beside the file.";
    VerifyNoAllowedSigners => "Fichier allowed_signers absent : aucune clé ne peut être reconnue.", "No allowed_signers file: no key can be recognised.";
    VerifyAnchorNotGiven => "Aucune empreinte attendue : une signature valable d'une clé inconnue ne prouve rien. Comparez l'empreinte de la clé du médecin avec celle de la feuille de secours ou d'un rapport signé reçu auparavant (ou donnez-la : --expect-fingerprint SHA256:…).", "No expected fingerprint: a valid signature by an unknown key proves nothing. Compare the practitioner's key fingerprint with the one on the recovery sheet or on a signed report received earlier (or give it: --expect-fingerprint SHA256:…).";
    VerifyAnchorNoKey => "Aucune clé de signature valable à comparer avec l'empreinte attendue.", "No valid signing key to compare with the expected fingerprint.";
    VerifyIdentityUnsigned => "? identité (nom, rôle, RPPS ou organisation) couverte par aucune signature : seule la clé est vérifiée", "? identity (name, role, RPPS or organisation) covered by no signature: only the key is verified";
    VerifyDoctorMissing => "Le médecin nommé dans le document n'a pas de signature valable.", "The practitioner named in the document has no valid signature.";
    VerifySigners => "Signataires :", "Signers:";
    VerifyAllValid => "Résultat : toutes les signatures sont valables ; le fichier est exactement celui qui a été signé.", "Result: every signature is valid; the file is exactly the one that was signed.";
    VerifyFailed => "Résultat : ÉCHEC de la vérification (voir ci-dessus).", "Result: verification FAILED (see above).";
    ErrNotAnAssessment => "Ce fichier n'est pas une auto-évaluation signée par Vigie.", "This file is not a self-assessment signed by Vigie.";
    ErrAssessmentTooLarge => "Ce fichier est trop gros pour être une auto-évaluation.", "This file is too large to be a self-assessment.";
    ErrSignNoPractitioner => "Pour signer, indiquez d'abord le nom du médecin dans le profil du cabinet.", "To sign, first enter the practitioner's name in the practice profile.";
    ErrAlreadySigned => "Ce signataire a déjà signé cette auto-évaluation.", "This signer has already signed this self-assessment.";
    ErrOtherAssessment => "Ce fichier porte sur une autre auto-évaluation (le document n'est pas identique).", "This file is about another self-assessment (the document is not identical).";
    ErrDoctorSignatureInvalid => "Le document n'est pas signé valablement par le médecin qu'il nomme : rien n'est contresigné.", "The document is not validly signed by the practitioner it names: nothing is countersigned.";
    ErrNothingNew => "Ce fichier n'apporte aucune nouvelle signature valable.", "This file brings no new valid signature.";
    ErrDamagedKey => "La clé de signature gardée dans le coffre est endommagée.", "The signing key kept in the vault is damaged.";
    ErrNotAKeyFile => "Ce fichier n'est pas une clé de signature Vigie (.vigie-key).", "This file is not a Vigie signing key (.vigie-key).";
    ErrNotABundle => "Ce fichier n'est pas une auto-évaluation Vigie (.vigie-assessment) lisible.", "This file is not a readable Vigie self-assessment (.vigie-assessment).";
    ErrBundleTooLarge => "Ce fichier contient plus de fichiers, ou de plus gros, qu'une auto-évaluation.", "This file holds more, or larger, files than a self-assessment.";
    ErrBundleNoDocument => "Aucun document d'auto-évaluation dans ce fichier.", "No self-assessment document in this file.";
    ErrNoSignedAssessment => "Ce coffre ne contient encore aucune auto-évaluation signée.", "This vault holds no signed self-assessment yet.";
    CliPromptKeyPassphrase => "Phrase de passe de la clé : ", "Key passphrase: ";

    // Signed assessment (window)
    NavSigned => "Auto-évaluation signée", "Signed assessment";
    SaTitle => "Auto-évaluation signée", "Signed self-assessment";
    SaIntro => "Quand la liste de contrôle est à jour, terminez l'évaluation et signez-la. Le document signé prouve ce que vous aviez évalué, et quand ; n'importe qui peut vérifier la signature, même sans Vigie.",
        "When the checklist is up to date, complete the assessment and sign it. The signed document proves what you assessed, and when; anyone can check the signature, even without Vigie.";
    SaDraftHeading => "Évaluation en cours", "Current assessment";
    SaNothingToSign => "Répondez d'abord à la liste de contrôle : il n'y a encore rien à signer.",
        "Answer the checklist first: there is nothing to sign yet.";
    SaSignButton => "Terminer et signer", "Complete and sign";
    SaConfirmHeading => "Terminer et signer l'évaluation ?", "Complete and sign the assessment?";
    SaConfirmText => "En signant, vous figez l'évaluation telle qu'elle est aujourd'hui : réponses, notes, pièces justificatives, plan d'action et registre des traitements. Elle ne pourra plus être modifiée : le moindre changement rendrait la signature invalide. La prochaine évaluation partira de celle-ci : vos réponses seront reprises et marquées « à revoir ».",
        "Signing freezes the assessment as it is today: answers, notes, evidence, action plan and record of processing activities. It can no longer be changed: the slightest change would make the signature invalid. The next assessment will start from this one: your answers will be carried over and marked \"to review\".";
    SaConfirmSign => "Oui, terminer et signer", "Yes, complete and sign";
    SaNothingReviewed => "Aucune réponse n'a été revue depuis la dernière évaluation signée : la nouvelle la reprendrait telle quelle.",
        "No answer was reviewed since the last signed assessment: the new one would repeat it as it is.";
    SaSignedNotice => "Évaluation terminée et signée. Vos réponses sont gardées pour la prochaine évaluation, marquées « à revoir ».",
        "Assessment completed and signed. Your answers are kept for the next assessment, marked \"to review\".";
    SaHistoryHeading => "Évaluations signées", "Signed assessments";
    SaHistoryEmpty => "Aucune évaluation signée pour l'instant.", "No signed assessment yet.";
    SaSigners => "Signataires", "Signers";
    ProfileSigningKey => "Empreinte de la clé de signature du médecin (la même que sur la feuille de secours et les rapports signés : c'est elle que vos correspondants comparent)", "Fingerprint of the doctor's signing key (the same as on the recovery sheet and the signed reports: the one others compare)";
    SaKeyFingerprint => "Empreinte de la clé", "Key fingerprint";
    SaExport => "Exporter les fichiers signés…", "Export the signed files…";
    SaCountersignHere => "Contresigner ici avec la clé du consultant", "Countersign here with the consultant's key";
    SaImport => "Importer une contre-signature…", "Import a countersignature…";
    SaCompareWithPrevious => "Comparer avec la précédente", "Compare with the previous one";
    SaCompareHeading => "Comparer deux évaluations", "Compare two assessments";
    SaCompareFrom => "Évaluation de départ", "Earlier assessment";
    SaCompareTo => "Évaluation d'arrivée", "Later assessment";
    SaCompareNeedTwo => "La comparaison sera possible après la deuxième évaluation signée.",
        "Comparing will be possible after the second signed assessment.";
    SaKeyFileLabel => "Fichier de clé du consultant (.vigie-key)", "Consultant's key file (.vigie-key)";
    SaNoKeyFile => "aucun fichier choisi", "no file chosen";
    SaChooseKeyFile => "Choisir le fichier de clé…", "Choose the key file…";
    SaKeyPassphrase => "Phrase de passe de la clé", "Key passphrase";
    SaCountersignButton => "Contresigner", "Countersign";
    SaOpeningKey => "Ouverture de la clé (quelques secondes)…", "Opening the key (a few seconds)…";
    SaCountersigned => "Contre-signature ajoutée à l'évaluation.", "Countersignature added to the assessment.";
    SaCreateKeyHeading => "Créer un fichier de clé de consultant", "Create a consultant key file";
    SaCreateKeyIntro => "Pour le DPO ou le prestataire : une clé de signature personnelle, protégée par sa phrase de passe, à garder sur sa clé USB et à utiliser sur le poste de chaque cabinet.",
        "For the DPO or IT provider: a personal signing key, protected by its passphrase, to keep on their USB stick and use on each practice's computer.";
    SaKeyName => "Prénom et nom du consultant", "Consultant's full name";
    SaKeyOrganisation => "Organisme (société, cabinet de conseil)", "Organisation (company, consultancy)";
    SaCreateKeyButton => "Créer le fichier de clé…", "Create the key file…";
    SaCreatingKey => "Création de la clé (quelques secondes)…", "Creating the key (a few seconds)…";
    SaKeyRecoveryIntro => "Code de secours de ce fichier de clé, affiché une seule fois : notez-le et rangez-le à part. Il ouvre la clé si sa phrase de passe est oubliée.",
        "Recovery code of this key file, shown only once: write it down and keep it apart. It opens the key if its passphrase is forgotten.";
    SaKeyRecoveryDone => "Je l'ai noté", "I have written it down";
    SaVerifyOpen => "Vérifier un fichier signé…", "Check a signed file…";
    SaVerifyHint => "Pour un consultant ou un contrôle : vérifier une auto-évaluation signée ou son rapport PDF, sans ouvrir de coffre.",
        "For a consultant or an inspection: check a signed self-assessment or its PDF report, without opening a vault.";
    SaVerifyTitle => "Vérifier un fichier signé", "Check a signed file";
    SaVerifyIntro => "Choisissez une évaluation signée (.vigie-assessment), un document signé (.json) ou un rapport PDF. Pour un document ou un rapport, ses fichiers .sig et allowed_signers doivent être dans le même dossier.",
        "Choose a signed assessment (.vigie-assessment), a signed document (.json) or a PDF report. For a document or a report, its .sig and allowed_signers files must be in the same folder.";
    SaChooseFile => "Choisir le fichier…", "Choose the file…";
    SaVerifying => "Vérification…", "Checking…";
    SaAllValid => "Toutes les signatures sont valides : le fichier est exactement celui qui a été signé.",
        "Every signature is valid: the file is exactly the one that was signed.";
    SaNotValid => "Ce fichier n'est pas validé : voyez les motifs ci-dessous.", "This file is not validated: see the reasons below.";
    SaReadOnly => "Contenu de l'évaluation (lecture seule)", "Contents of the assessment (read-only)";
    SaContentsHidden => "Le contenu de ce fichier n'est pas affiché : ce n'est pas celui qui a été signé.",
        "The contents of this file are not shown: they are not what was signed.";
    SaKeyChangeReason => "Raison du changement de clé, gardée dans votre fichier de clé et signée avec votre contre-signature", "Reason for the key change, kept in your key file and signed with your countersignature";
    SaKeyChangeReasonHint => "ex. : nouveau poste, empreinte vérifiée par téléphone avec le médecin", "e.g. new PC, fingerprint checked by phone with the doctor";
    SaKeyChangeConfirm => "Confirmer le changement de clé et contresigner", "Confirm the key change and countersign";
    SaCountersignBundle => "Contresigner ce fichier (consultant)", "Countersign this file (consultant)";
    SaHeadTitle => "Contresigner la tête d'un registre des violations (consultant)", "Countersign a breach register's head (consultant)";
    SaHeadIntro => "Lors d'une visite entre deux auto-évaluations : choisissez le dossier du registre que le cabinet a exporté (« Exporter le registre vérifiable… »). Vigie recalcule chaque événement et vérifie la signature de la tête par le médecin ; votre contresignature est ensuite écrite dans ce dossier, à garder hors du cabinet.", "On a visit between two assessments: choose the folder of the register the practice exported (\"Export the verifiable register…\"). Vigie recomputes every event and checks the doctor's signature of the head; your countersignature is then written into that folder, to keep outside the practice.";
    SaHeadChoose => "Choisir le dossier du registre exporté…", "Choose the exported register's folder…";
    SaHeadReading => "Lecture et vérification du registre…", "Reading and checking the register…";
    SaHeadHash => "Empreinte de la tête (SHA-256)", "Head hash (SHA-256)";
    SaHeadSigned => "Tête signée par le médecin, signature valide", "Head signed by the doctor, valid signature";
    SaHeadUnsigned => "Tête non signée par le médecin : votre contresignature ne portera aucune empreinte de clé du médecin, et aucune clé ne peut être comparée à celle retenue pour ce cabinet.", "Head not signed by the doctor: your countersignature will carry no doctor's key fingerprint, and no key can be compared with the one pinned for this practice.";
    SaHeadPractice => "Cabinet (pour comparer la clé du médecin à celle retenue) :", "Practice (to compare the doctor's key with the one pinned):";
    SaHeadNeedPractice => "Indiquez le nom du cabinet : il sert à comparer la clé du médecin à celle retenue lors de vos contresignatures précédentes.", "Type the practice's name: it is used to compare the doctor's key with the one pinned at your earlier countersignatures.";
    SaHeadConfirm => "J'ai vérifié le nombre d'événements, l'empreinte de la tête et la clé du médecin, et je les contresigne", "I have checked the number of events, the head hash and the doctor's key, and I countersign them";
    SaHeadFound => "Contresignatures de tête dans ce dossier", "Head countersignatures in this folder";
    SaSaveCountersigned => "Enregistrer le fichier contresigné…", "Save the countersigned file…";
    SaCountersignedPending => "Votre signature est ajoutée. Enregistrez le fichier, puis remettez-le au cabinet, qui l'importera.",
        "Your signature is added. Save the file, then give it back to the practice, which will import it.";
    SaCannotCountersign => "Seul un fichier d'évaluation (.vigie-assessment) dont toutes les signatures sont valides peut être contresigné.",
        "Only an assessment file (.vigie-assessment) whose signatures are all valid can be countersigned.";
    SaBundleFilter => "Évaluation signée Vigie", "Vigie signed assessment";
    SaKeyFilter => "Clé de signature Vigie", "Vigie signing key";
    SaSignedFilter => "Fichiers signés", "Signed files";
    SaPathLabel => "Chemin complet du fichier ou du dossier", "Full path of the file or folder";
    SaUsePath => "Utiliser ce chemin", "Use this path";
    SaToReview => "à revoir", "to review";
    SaToReviewHint => "Réponse reprise de l'évaluation signée précédente : vérifiez qu'elle est toujours exacte, puis cliquez de nouveau sur la bonne réponse.",
        "Answer carried over from the previous signed assessment: check it is still right, then click the right answer again.";
    SaNoAnswerChanged => "Aucune réponse n'a changé.", "No answer changed.";
    JobKeyFile => "l'ouverture ou la création de la clé de signature", "the opening or creation of the signing key";
    JobSignedFiles => "la lecture ou l'écriture des fichiers signés", "the reading or writing of the signed files";
    // ---- Breach register ----------------------------------------------------------------------------
    NavBreaches => "Violations de données", "Data breaches";
    BreachesTitle => "Registre des violations de données", "Data breach register";
    BreachesIntro => "Toute violation de données personnelles s'inscrit ici, notifiée ou non (RGPD, art. 33(5)) : une clé USB perdue, un courriel envoyé au mauvais patient, un serveur accessible depuis Internet, un rançongiciel. Notez ce que vous savez maintenant, complétez plus tard. Rien n'est jamais effacé : chaque modification s'ajoute à l'historique, chaînée à la précédente.",
        "Every personal-data breach is recorded here, notified or not (GDPR art. 33(5)): a lost USB stick, an e-mail sent to the wrong patient, a server reachable from the Internet, ransomware. Write down what you know now, complete it later. Nothing is ever erased: each change is added to the history, chained to the one before.";
    BreachesEmpty => "Aucune violation enregistrée.", "No breach recorded.";
    BreachNew => "Enregistrer une nouvelle violation", "Record a new breach";
    BreachNewHeading => "Une nouvelle violation", "A new breach";
    BreachTitleLabel => "Titre court (sans nom de patient)", "Short title (no patient's name)";
    BreachRecordedBy => "Saisi par", "Recorded by";
    BreachShow => "Voir", "View";
    BreachStatusLabel => "Statut", "Status";
    BreachStatusDiscovered => "découverte", "discovered";
    BreachStatusAssessing => "en évaluation", "being assessed";
    BreachStatusNotified => "notifiée à la CNIL", "notified to the CNIL";
    BreachStatusInformed => "patients informés", "patients informed";
    BreachStatusClosed => "close", "closed";
    KnownUnknown => "pas encore connu", "not known yet";
    CauseUnknown => "cause encore inconnue", "cause not known yet";
    CauseMisconfiguration => "mauvaise configuration (port ouvert, serveur accessible depuis Internet)", "misconfiguration (open port, server reachable from the Internet)";
    CauseLostDevice => "appareil ou support perdu", "device or medium lost";
    CauseStolenDevice => "appareil ou support volé", "device or medium stolen";
    CauseRansomware => "rançongiciel ou logiciel malveillant", "ransomware or malware";
    CauseIntrusion => "intrusion (piratage, mot de passe volé)", "intrusion (hacking, stolen password)";
    CauseMisdirected => "courrier ou courriel envoyé à la mauvaise personne", "mail or e-mail sent to the wrong person";
    CauseOther => "autre cause (décrite)", "other cause (described)";
    SeverityUnknown => "non évaluée", "not assessed";
    SeverityNegligible => "négligeable", "negligible";
    SeverityLimited => "limitée", "limited";
    SeveritySignificant => "importante", "significant";
    SeverityMaximum => "maximale", "maximum";
    NotifInitial => "initiale (à compléter)", "initial (to be completed)";
    NotifComplete => "complète", "complete";
    NotifComplementary => "complémentaire", "complementary";
    PurposeAck => "accusé de réception de la CNIL", "CNIL acknowledgement";
    PurposeEvidence => "pièce justificative", "evidence";
    EvOpened => "Violation enregistrée", "Breach recorded";
    EvFacts => "Faits enregistrés", "Facts recorded";
    EvStatus => "Statut changé", "Status changed";
    EvDecision => "Décision enregistrée", "Decision recorded";
    EvNotified => "Notification à la CNIL", "Notification to the CNIL";
    EvInformed => "Information des patients", "Patients informed";
    EvAttached => "Pièce jointe", "File attached";
    EvNote => "Note", "Note";
    ReasonNotYetKnown => "Pas encore connu", "Not yet known";
    ReasonUnknownNature => "la nature de la violation (confidentialité, intégrité, disponibilité) — par précaution, elle est traitée comme un risque.",
        "the nature of the breach (confidentiality, integrity, availability) — by precaution, it is treated as a risk.";
    ReasonUnknownCategories => "les catégories de données — par précaution, elles sont tenues pour des données de santé.",
        "the categories of data — by precaution, they are taken for health data.";
    ReasonUnknownEncrypted => "si les données étaient chiffrées — par précaution, elles sont tenues pour lisibles.",
        "whether the data were encrypted — by precaution, they are taken as readable.";
    ReasonUnknownExposure => "si les données étaient sur un appareil ou support perdu, volé ou éteint (où le chiffrement les protège) ou exposées par un système en marche (où il ne les protège pas) — par précaution, le chiffrement n'est pas compté.",
        "whether the data were on a device or medium lost, stolen or switched off (where encryption protects them) or exposed by a running system (where it does not) — by precaution, the encryption is not counted.";
    ReasonUnknownKey => "si la clé de chiffrement (ou le mot de passe qui l'ouvre) est restée sûre — par précaution, les données sont tenues pour lisibles.",
        "whether the encryption key (or the password that opens it) stayed safe — by precaution, the data are taken as readable.";
    ReasonUnknownCopied => "si des données ont été copiées à l'extérieur — par précaution, elles sont tenues pour exposées.",
        "whether data were copied out — by precaution, they are taken as exposed.";
    ReasonUnknownBackup => "si une sauvegarde utilisable existait — par précaution, les données sont tenues pour perdues.",
        "whether a usable backup existed — by precaution, the data are taken as lost.";
    ReasonUnknownOutage => "la durée d'indisponibilité — par précaution, elle est tenue pour plus d'une journée.",
        "how long the data were unavailable — by precaution, more than a day.";
    ReasonUnknownVulnerable => "si des mineurs ou des personnes vulnérables sont concernés — par précaution, ils sont tenus pour concernés.",
        "whether minors or vulnerable people are concerned — by precaution, they are taken as concerned.";
    ReasonUnknownSeverity => "la gravité du préjudice possible — ce sont les faits ci-dessus qui décident.",
        "the severity of the possible harm — the facts above decide.";
    ReasonSensitive => "Données de santé, numéro de sécurité sociale ou images médicales : des données très sensibles (art. 9) ; par défaut, on notifie.",
        "Health data, social-security number or medical images: highly sensitive data (art. 9); the default is to notify.";
    ReasonFinancial => "Données bancaires ou financières : un risque de fraude.", "Bank or financial data: a risk of fraud.";
    ReasonUnintelligible => "Les données étaient chiffrées, sur un appareil ou support perdu, volé ou éteint, et la clé de chiffrement (ou le mot de passe qui l'ouvre) est restée sûre : illisibles pour qui les détient (art. 34(3)(a)).",
        "The data were encrypted, on a device or medium lost, stolen or switched off, and the encryption key (or the password that opens it) stayed safe: unintelligible to whoever holds them (art. 34(3)(a)).";
    ReasonReadable => "Les données n'étaient pas chiffrées : lisibles par qui les détient.",
        "The data were not encrypted: readable by whoever holds them.";
    ReasonEncryptionUseless => "Les données étaient chiffrées, mais exposées par un système en marche (serveur accessible, intrusion, envoi à la mauvaise personne), qui les sert déchiffrées : le chiffrement ne les protège pas ici.",
        "The data were encrypted, but exposed by a running system (a reachable server, an intrusion, a mail sent to the wrong person), which serves them decrypted: the encryption does not protect them here.";
    ReasonKeyCompromised => "La clé de chiffrement (ou le mot de passe qui l'ouvre) a aussi été compromise : les données sont lisibles.", "The encryption key (or the password that opens it) was compromised too: the data are readable.";
    ReasonDeviceGone => "Un appareil ou support perdu ou volé : qui le détient peut lire ce qu'il contient, sauf chiffrement.", "A device or medium lost or stolen: whoever has it can read what it holds, unless encrypted.";
    ReasonCopiedOut => "Des données ont été copiées à l'extérieur.", "Data were copied out.";
    ReasonNotCopiedOut => "Aucune donnée n'a été copiée à l'extérieur.", "No data were copied out.";
    ReasonNoBackup => "Pas de sauvegarde utilisable : des données sont perdues ou altérées.", "No usable backup: data are lost or altered.";
    ReasonBackup => "Une sauvegarde utilisable existait.", "A usable backup existed.";
    ReasonLongOutage => "Données indisponibles plus d'une journée : des soins peuvent être retardés.", "Data unavailable for more than a day: care may be delayed.";
    ReasonShortOutage => "Données indisponibles une journée au plus.", "Data unavailable for a day at most.";
    ReasonVulnerable => "Des mineurs ou des personnes vulnérables sont concernés.", "Minors or vulnerable people are concerned.";
    ReasonNoVulnerable => "Ni mineurs ni personnes vulnérables ne sont concernés.", "Neither minors nor vulnerable people are concerned.";
    ReasonCopiedInAttack => "Les données ont été (ou ont pu être) copiées lors d'une attaque : elles peuvent servir à tromper ou à viser les personnes ; tant que le préjudice n'est pas évalué, le risque est tenu pour élevé.", "The data were (or may have been) copied in an attack: they can be used to deceive or target the people; until the harm is weighed, the risk is taken as high.";
    ReasonManyPeople => "Beaucoup de personnes sont concernées (1 000 ou plus) : tant que le préjudice n'est pas évalué, le risque est tenu pour élevé.", "Many people are concerned (1,000 or more): until the harm is weighed, the risk is taken as high.";
    ReasonSevere => "Le préjudice possible a été jugé important ou maximal.", "The possible harm was assessed significant or maximum.";
    ReasonLimited => "Le préjudice possible a été jugé limité : pas de risque élevé.", "The possible harm was assessed limited: no high risk.";
    ReasonNegligible => "Le préjudice possible a été jugé négligeable.", "The possible harm was assessed negligible.";
    ReasonToldByCnil => "C'est la CNIL elle-même qui a informé le cabinet de la violation.", "The CNIL itself told the practice of the breach.";
    ReasonRiskRemoved => "Des mesures prises ensuite ont fait disparaître le risque élevé (art. 34(3)(b)).", "Later measures removed the high risk (art. 34(3)(b)).";
    ReasonEffort => "Prévenir chaque personne demanderait des efforts disproportionnés (art. 34(3)(c)) : une communication publique la remplace.",
        "Reaching each person would take disproportionate effort (art. 34(3)(c)): a public communication replaces it.";
    AdviceNotify => "Recommandation : notifier la CNIL dans les 72 heures après la prise de connaissance.", "Recommendation: notify the CNIL within 72 hours of becoming aware.";
    AdviceNotRequired => "Recommandation : pas de notification à la CNIL (risque improbable pour les personnes) ; la violation reste inscrite au registre avec cette raison.",
        "Recommendation: no notification to the CNIL (a risk to people is unlikely); the breach stays in the register with this reason.";
    AdviceCnilKnows => "Recommandation : la CNIL vous a elle-même informé de la violation ; l'obligation de notifier (art. 33) ne s'applique alors pas (Conseil d'État, 22 juillet 2022, n° 449694). Le registre et l'information des patients restent dus.",
        "Recommendation: the CNIL itself told you of the breach; the duty to notify (art. 33) then does not apply (Conseil d'État, 22 July 2022, no. 449694). The register and the information of patients still apply.";
    AdviceInform => "Recommandation : informer les patients concernés sans tarder, en termes simples (art. 34).", "Recommendation: inform the patients concerned without undue delay, in plain language (art. 34).";
    AdvicePeopleNotRequired => "Recommandation : pas d'information individuelle des patients (pas de risque élevé).", "Recommendation: no individual information of the patients (no high risk).";
    AdviceRiskRemoved => "Recommandation : information des patients non requise, des mesures ultérieures ayant supprimé le risque élevé (art. 34(3)(b)).",
        "Recommendation: informing the patients is not required, later measures having removed the high risk (art. 34(3)(b)).";
    AdvicePublicNotice => "Recommandation : une communication publique à la place d'une lettre à chacun (art. 34(3)(c)).", "Recommendation: a public communication instead of a letter to each (art. 34(3)(c)).";
    CeNuance => "Conseil d'État, 22 juillet 2022, n° 449694 : la CNIL ayant elle-même découvert la violation et ouvert son contrôle sur cette base, le médecin n'entrait pas dans le champ de l'article 33 ; le manquement à l'obligation de notifier a été annulé pour erreur de droit. Le manquement à la sécurité (art. 32) a été confirmé et l'amende ramenée à 2 500 €. Vigie n'en tient compte que si la CNIL vous a elle-même informé ; le registre (art. 33(5)) et l'information des patients (art. 34) restent toujours dus.",
        "Conseil d'État, 22 July 2022, no. 449694: the CNIL having itself found the breach and opened its inspection on that basis, the doctor did not fall within article 33; the failure to notify was annulled as an error of law. The security failure (art. 32) was upheld and the fine reduced to €2,500. Vigie applies this only when the CNIL itself told you; the register (art. 33(5)) and the information of patients (art. 34) always still apply.";
    RemindPolice => "Cyberattaque, ou système exposé auquel des tiers ont accédé (un accès frauduleux, Code pénal, art. 323-1) : déposez plainte (commissariat, gendarmerie ou en ligne) dans les 72 heures après en avoir eu connaissance, sinon l'assurance cyber ne paie pas (Code des assurances, art. L.12-10-1).",
        "Cyberattack, or an exposed system that others accessed (unauthorised access, Code pénal, art. 323-1): file a police complaint (police, gendarmerie or online) within 72 hours of learning of it, or the cyber insurance does not pay (Code des assurances, art. L.12-10-1).";
    RemindCyber17 => "17Cyber (17cyber.gouv.fr) : le service national d'assistance aux victimes de cyberattaques.", "17Cyber (17cyber.gouv.fr): the national assistance service for victims of cyberattacks.";
    RemindInsurer => "Prévenez votre assureur (responsabilité civile professionnelle, assurance cyber).", "Tell your insurer (professional liability, cyber insurance).";
    RemindProvider => "Prévenez votre prestataire informatique et, le cas échéant, l'hébergeur : ils doivent vous aider à arrêter la violation et à en mesurer l'étendue.",
        "Tell your IT provider and, if any, the host: they must help you stop the breach and measure its extent.";
    RemindCert => "Signalement au CERT Santé (portail de signalement des événements sanitaires) : obligatoire pour les établissements de santé, médico-sociaux et les laboratoires, facultatif pour un cabinet libéral.",
        "Report to the CERT Santé (the health-event reporting portal): mandatory for hospitals, medico-social facilities and labs, voluntary for a private practice.";
    BreachSectionTimes => "1. Dates et découverte", "1. Dates and discovery";
    BreachSectionNature => "2. Nature de la violation", "2. Nature of the breach";
    BreachSectionData => "3. Données et personnes concernées", "3. Data and people concerned";
    BreachSectionMeasures => "4. Conséquences et mesures", "4. Consequences and measures";
    BreachSectionDecisions => "5. Décisions : notifier\u{a0}? informer\u{a0}?", "5. Decisions: notify? inform?";
    BreachSectionNotify => "6. Notification à la CNIL", "6. Notification to the CNIL";
    BreachSectionPeople => "7. Information des patients", "7. Information of the patients";
    BreachSectionFiles => "8. Pièces jointes", "8. Attached files";
    BreachSectionHistory => "Historique (événements chaînés)", "History (chained events)";
    BreachSectionReminders => "À ne pas oublier", "Do not forget";
    FStarted => "Début de la violation", "Start of the breach";
    FEnded => "Fin de la violation", "End of the breach";
    FOngoing => "Toujours en cours", "Still ongoing";
    FDiscovered => "Découverte au cabinet", "Discovered at the practice";
    FProcessorAlert => "Alerte d'un sous-traitant (prestataire, hébergeur)", "Alert from a processor (IT provider, host)";
    FAware => "Prise de connaissance (certitude raisonnable) : les 72 heures partent d'ici", "Awareness (reasonable certainty): the 72 hours run from here";
    FAwareAfterAlert => "Pourquoi la prise de connaissance suit l'alerte du sous-traitant", "Why awareness comes after the processor's alert";
    FTimeHint => "jj/mm/aaaa hh:mm (heure de Paris)", "dd/mm/yyyy hh:mm (Paris time)";
    FHowDiscovered => "Comment elle a été découverte", "How it was discovered";
    FToldByCnil => "C'est la CNIL qui nous a informés de la violation", "The CNIL told us of the breach";
    FConfidentiality => "Perte de confidentialité (données vues ou prises par un tiers)", "Loss of confidentiality (data seen or taken by someone else)";
    FIntegrity => "Perte d'intégrité (données modifiées)", "Loss of integrity (data altered)";
    FAvailability => "Perte de disponibilité (données perdues ou inaccessibles)", "Loss of availability (data lost or unreachable)";
    FCause => "Origine et cause", "Origin and cause";
    FDescription => "Description (sans nom de patient)", "Description (no patient's name)";
    FCopiedOut => "Des données ont-elles été copiées à l'extérieur\u{a0}?", "Were data copied out?";
    FEncrypted => "Les données étaient-elles chiffrées (disque, clé USB, fichier)\u{a0}?", "Were the data encrypted (disk, USB stick, file)?";
    FExposure => "Comment les données ont-elles été exposées\u{a0}?", "How were the data exposed?";
    ExposureUnknown => "pas encore connu", "not known yet";
    ExposureAtRest => "sur un appareil ou support perdu, volé ou éteint (le chiffrement les y protège)", "on a device or medium lost, stolen or switched off (encryption protects them there)";
    ExposureRunning => "par un système en marche — mauvaise configuration, intrusion, serveur accessible depuis Internet, courriel ou fichier envoyé à la mauvaise personne (il sert les données déchiffrées : le chiffrement n'y protège pas)",
        "by a running system — misconfiguration, intrusion, server reachable from the Internet, e-mail or file sent to the wrong person (it serves the data decrypted: encryption does not protect them there)";
    FKeyCompromised => "La clé de chiffrement (ou le mot de passe qui l'ouvre) a-t-elle été compromise\u{a0}?", "Was the encryption key (or the password that opens it) compromised?";
    FBackup => "Existait-il une sauvegarde utilisable\u{a0}?", "Was there a usable backup?";
    FUnavailableHours => "Durée d'indisponibilité (heures)", "How long unavailable (hours)";
    FDataHeading => "Catégories de données", "Categories of data";
    FNature => "Type de perte", "Kind of loss";
    FDataIdentity => "Identité (nom, date de naissance)", "Identity (name, date of birth)";
    FDataContact => "Coordonnées", "Contact details";
    FDataNir => "Numéro de sécurité sociale (NIR)", "Social-security number (NIR)";
    FDataHealth => "Données de santé", "Health data";
    FDataImages => "Images médicales", "Medical images";
    FDataFinancial => "Données bancaires ou financières", "Bank or financial data";
    FDataOther => "Autres catégories", "Other categories";
    FRecords => "Nombre approximatif d'enregistrements", "Approximate number of records";
    FPeople => "Nombre approximatif de personnes", "Approximate number of people";
    FPeopleHeading => "Personnes concernées", "People concerned";
    FPatients => "Patients", "Patients";
    FStaff => "Personnel du cabinet", "Practice staff";
    FMinors => "Des mineurs sont-ils concernés\u{a0}?", "Are minors concerned?";
    FVulnerable => "Des personnes vulnérables sont-elles concernées\u{a0}?", "Are vulnerable people concerned?";
    FMeasuresBefore => "Mesures de sécurité en place avant la violation", "Security measures in place before the breach";
    FConsequences => "Conséquences probables pour les personnes", "Likely consequences for the people";
    FSeverity => "Gravité du préjudice possible", "Severity of the possible harm";
    FMeasuresAfter => "Mesures prises après, pour arrêter la violation et en limiter les effets", "Measures taken after, to stop the breach and limit its effects";
    FRiskRemoved => "Ces mesures ont supprimé le risque élevé pour les personnes", "These measures removed the high risk for the people";
    FUnreachable => "Prévenir chaque personne demanderait des efforts disproportionnés", "Reaching each person would take disproportionate effort";
    FProcessors => "Autres organismes impliqués (prestataire, hébergeur, sous-traitants)", "Other organisations involved (IT provider, host, processors)";
    FOtherAuthorities => "Aspects transfrontaliers, autres autorités informées", "Cross-border aspects, other authorities informed";
    BreachSaveFacts => "Enregistrer ces informations", "Save this information";
    BreachFactsSaved => "Informations ajoutées au registre.", "Information added to the register.";
    BreachDecideNotify => "Notifier la CNIL\u{a0}?", "Notify the CNIL?";
    BreachDecideInform => "Informer les patients\u{a0}?", "Inform the patients?";
    BreachDecisionReason => "Raison de la décision", "Reason for the decision";
    BreachRecordDecision => "Enregistrer la décision", "Record the decision";
    BreachNoDecision => "pas encore décidé", "not decided yet";
    BreachNotifKind => "Type de notification", "Type of notification";
    BreachNotifAt => "Envoyée le", "Sent on";
    BreachNotifReference => "Numéro de notification donné par la CNIL", "Notification number given by the CNIL";
    BreachLateReasons => "Raisons du retard (obligatoires après 72 heures)", "Reasons for the delay (required after 72 hours)";
    BreachAttachAck => "Joindre l'accusé de réception de la CNIL (PDF)…", "Attach the CNIL's acknowledgement (PDF)…";
    BreachAttachEvidence => "Joindre une pièce…", "Attach a file…";
    BreachInformedAt => "Patients informés le", "Patients informed on";
    BreachInformedChannel => "Moyen (courrier, courriel, téléphone, avis public)", "Channel (letter, e-mail, telephone, public notice)";
    BreachMarkInformed => "Enregistrer l'information des patients", "Record the information of the patients";
    BreachNoAwareness => "Date de prise de connaissance non renseignée : le délai de 72 heures ne peut pas être calculé.", "Awareness not recorded: the 72-hour deadline cannot be computed.";
    BreachNotNotified => "Pas de notification à la CNIL", "No notification to the CNIL";
    DashBreachesOpen => "Ouvrir le registre des violations", "Open the breach register";
    DashNoOpenBreach => "Aucune violation en cours.", "No open breach.";
    BreachExportVerifiable => "Exporter le registre vérifiable…", "Export the verifiable register…";
    BreachExportVerifiableHelp => "Un dossier que chacun peut vérifier sans Vigie : les événements avec leurs octets exacts, les pièces jointes nommées par leur empreinte, la tête signée, SHA256SUMS et HOW-TO-VERIFY.txt (comme « vigie export --kind breach-register »).", "A folder anyone can check without Vigie: the events with their exact bytes, the attached files named by their hash, the signed head, SHA256SUMS and HOW-TO-VERIFY.txt (as \"vigie export --kind breach-register\").";
    BreachExportRegister => "Registre des violations (PDF)…", "Breach register (PDF)…";
    BreachExportLetter => "Lettre aux patients (PDF)…", "Letter to patients (PDF)…";
    BreachFromFinding => "Violation…", "Breach…";
    BreachFromFindingHint => "Enregistrer une violation de données à partir de ce fichier trouvé", "Record a data breach from this file found";
    ErrTimeFormat => "Date et heure attendues au format jj/mm/aaaa hh:mm (heure de Paris).", "Date and time expected as dd/mm/yyyy hh:mm (Paris time).";
    ErrNoSuchDate => "Cette date n'existe pas : vérifiez le jour et le mois (jj/mm/aaaa).", "This date does not exist: check the day and the month (dd/mm/yyyy).";
    ErrNoSuchTime => "Cette heure n'existe pas : les heures vont de 0 à 23, les minutes de 0 à 59.", "This time of day does not exist: hours run from 0 to 23, minutes from 0 to 59.";
    ErrTimeSkipped => "Cette heure n'existe pas en France ce jour-là (passage à l'heure d'été) : vérifiez-la.", "This time does not exist in France that day (change to summer time): check it.";
    ErrBreachEmptyTitle => "Donnez un titre court à la violation.", "Give the breach a short title.";
    ErrBreachTitleTooLong => "Titre trop long : 200 caractères au plus.", "Title too long: 200 characters at most.";
    ErrBreachNoReason => "Indiquez la raison de la décision : elle est inscrite au registre.", "Give the reason for the decision: it goes into the register.";
    ErrBreachNoReference => "Indiquez le numéro de notification donné par la CNIL.", "Give the notification number the CNIL gave.";
    ErrBreachLate => "La notification arrive plus de 72 heures après la prise de connaissance : indiquez les raisons du retard (art. 33(1)).", "The notification comes more than 72 hours after awareness: give the reasons for the delay (art. 33(1)).";
    ErrBreachNotifDate => "La date de notification doit suivre la prise de connaissance et ne pas être dans le futur.", "The notification date must follow awareness and not be in the future.";
    ErrBreachNoAwareness => "Renseignez d'abord la date de prise de connaissance (section 1) : les 72 heures partent d'elle.", "First record when you became aware (section 1): the 72 hours run from it.";
    ErrBreachComplement => "Une notification complémentaire suit une notification initiale : enregistrez d'abord celle-ci.", "A complementary notification follows an initial one: record that one first.";
    ErrBreachNoChannel => "Indiquez comment les patients ont été informés.", "Say how the patients were informed.";
    ErrBreachAwareAfterAlert => "La prise de connaissance est postérieure à l'alerte du sous-traitant : le cabinet a connaissance de la violation dès que son sous-traitant l'en informe (lignes directrices 9/2022 du CEPD). Indiquez l'heure de l'alerte comme prise de connaissance, ou la raison de l'écart.",
        "Awareness comes after the processor's alert: the practice is aware of the breach once its processor tells it (EDPB Guidelines 9/2022). Record the alert's time as awareness, or the reason for the difference.";
    ErrBreachTimes => "Les dates ne se suivent pas : le début précède la fin et la découverte, la découverte précède la prise de connaissance, et aucune n'est dans le futur.", "The dates are out of order: the start comes before the end and the discovery, the discovery before awareness, and none is in the future.";
    ErrBreachCloseNotify => "Avant de clore, enregistrez la décision de notifier ou non la CNIL, avec sa raison.", "Before closing, record the decision to notify the CNIL or not, with its reason.";
    ErrBreachCloseInform => "Avant de clore, enregistrez la décision d'informer ou non les patients, avec sa raison.", "Before closing, record the decision to inform the patients or not, with its reason.";
    ErrBreachCloseNotified => "Vous avez décidé de notifier la CNIL : enregistrez la notification avant de clore.", "You decided to notify the CNIL: record the notification before closing.";
    ErrBreachCloseInformed => "Vous avez décidé d'informer les patients : enregistrez-le avant de clore.", "You decided to inform the patients: record it before closing.";
    ErrBreachEmptyFile => "Ce fichier est vide.", "This file is empty.";
    SysBreachFromCheck => "Enregistrer une violation de données (les 72 heures partent de maintenant)…", "Record a data breach (the 72 hours run from now)…";
    SysBreachTitle => "Serveur d'images ouvert à tous", "Imaging server open to anyone";
    SysBreachEvidenceName => "verification-pc-serveur-images", "pc-check-imaging-server";
    ErrBreachEmptyLetter => "La lettre n'a aucun texte.", "The letter has no text.";
    EvLetter => "Texte de la lettre aux patients", "Text of the letter to the patients";
    LetterWhatMisconfiguration => "Un serveur informatique de notre cabinet, qui conserve des dossiers et des images de patients, était mal réglé : il pouvait être consulté depuis Internet sans mot de passe.", "A computer server of our practice, which holds patients' records and images, was wrongly set up: it could be reached from the Internet without a password.";
    LetterWhatLost => "Un support informatique (clé USB, disque ou ordinateur) contenant des données de patients a été perdu.", "A storage device (USB stick, disk or computer) holding patients' data was lost.";
    LetterWhatStolen => "Un support informatique (clé USB, disque ou ordinateur) contenant des données de patients a été volé.", "A storage device (USB stick, disk or computer) holding patients' data was stolen.";
    LetterWhatRansomware => "Un logiciel malveillant a bloqué l'accès aux données de notre cabinet et a pu les copier.", "Malicious software blocked access to our practice's data and may have copied them.";
    LetterWhatIntrusion => "Une personne non autorisée s'est introduite dans un système informatique de notre cabinet.", "An unauthorised person broke into a computer system of our practice.";
    LetterWhatMisdirected => "Un courrier ou un courriel contenant des données de patients a été envoyé par erreur à une autre personne.", "A letter or an e-mail holding patients' data was sent by mistake to someone else.";
    LetterWhatOther => "Un incident de sécurité a touché des données de patients conservées par notre cabinet.", "A security incident affected patients' data kept by our practice.";
    LetterDataIdentity => "votre nom et votre date de naissance", "your name and date of birth";
    LetterDataContact => "vos coordonnées", "your contact details";
    LetterDataNir => "votre numéro de sécurité sociale", "your social-security number";
    LetterDataHealth => "des informations sur votre santé", "information about your health";
    LetterDataImages => "vos images médicales (radiographies, échographies…)", "your medical images (X-rays, ultrasound…)";
    LetterDataFinancial => "des informations bancaires", "bank information";
    LetterMeansUnknownData => "Nous ne savons pas encore précisément quelles données vous concernant ont été touchées.", "We do not know yet exactly which data about you were affected.";
    LetterMeansSeen => "Des personnes qui n'y avaient pas droit ont pu les voir ou les copier.", "People with no right to them may have seen or copied them.";
    LetterMeansAltered => "Elles ont pu être modifiées.", "They may have been altered.";
    LetterMeansUnavailable => "Elles ont été un temps inaccessibles.", "They were unavailable for a while.";
    LetterDidStopped => "Nous avons fait cesser l'incident dès que nous en avons eu connaissance.", "We stopped the incident as soon as we knew of it.";
    LetterDidCnil => "Nous l'avons déclaré à la CNIL, l'autorité chargée de la protection des données.", "We reported it to the CNIL, the data protection authority.";
    LetterDidSecurity => "Nous avons renforcé la sécurité de nos outils pour éviter que cela se reproduise.", "We strengthened the security of our tools so that it does not happen again.";
    LetterCanDoPhishing => "Méfiez-vous des appels, courriels ou SMS qui se réclameraient du cabinet ou de l'Assurance maladie et vous demanderaient des informations personnelles, un mot de passe ou un paiement : nous ne vous les demanderons jamais ainsi.", "Be wary of calls, e-mails or text messages claiming to come from the practice or from the health insurance and asking for personal information, a password or a payment: we will never ask for them that way.";
    LetterCanDoBank => "Surveillez vos relevés bancaires et prévenez votre banque de toute opération que vous ne reconnaissez pas.", "Check your bank statements and tell your bank of any transaction you do not recognise.";
    LetterCanDoHealth => "Si quelqu'un vous contacte au sujet de vos examens ou de votre santé sans raison, ne répondez pas et prévenez-nous.", "If someone contacts you about your examinations or your health for no reason, do not answer and let us know.";
    LetterHeadingMeans => "Ce que cela signifie pour vous", "What it means for you";
    LetterPhoneLabel => "Téléphone à appeler", "Telephone to call";
    LetterRecipient => "Nom et prénom du patient\nAdresse\nCode postal et ville", "Patient's name\nAddress\nPostcode and town";
    PublicNoticeTitle => "Avis aux patients du cabinet", "Notice to the practice's patients";
    PublicNoticeWhere => "À afficher en salle d'attente et à publier sur le site du cabinet : prévenir chaque patient demanderait des efforts disproportionnés (RGPD, article 34(3)(c)).", "To display in the waiting room and publish on the practice's website: reaching each patient would take disproportionate effort (GDPR, article 34(3)(c)).";
    PublicNoticeIntro => "Un incident a touché des données personnelles de patients conservées par notre cabinet. La loi (RGPD, article 34) nous demande d'en informer les personnes concernées ; nous le faisons par cet avis.", "An incident affected personal data of patients kept by our practice. The law (GDPR, article 34) asks us to inform the people concerned; we do so by this notice.";
    BreachLetterHeading => "Texte de la lettre (en mots simples, pour les patients)", "Text of the letter (in plain words, for the patients)";
    BreachLetterSave => "Enregistrer le texte de la lettre", "Save the letter's text";
    BreachLetterRedraft => "Repartir du texte proposé par Vigie", "Start again from Vigie's proposed text";
    PdfAfter72Hours => "plus de 72 heures après la prise de connaissance", "more than 72 hours after awareness";
    PdfNotifyDecidedNoAwareness => "Notification décidée, pas encore enregistrée ; date de prise de connaissance non renseignée", "Notification decided, not recorded yet; awareness not recorded";
    PdfVigieRecommended => "Recommandation de Vigie", "Vigie's recommendation";
    PdfFactsUnchanged => "aucun changement des champs imprimés", "no change to the printed fields";
    PdfEventsHeading => "Événements (chaînés, dans l'ordre)", "Events (chained, in order)";
    FOrigin => "Origine", "Origin";
    OriginUnknown => "pas encore connue", "not known yet";
    OriginInternal => "interne (au cabinet, ou son prestataire)", "internal (the practice, or its provider)";
    OriginExternal => "externe (un tiers, un attaquant, un voleur)", "external (a third party, an attacker, a thief)";
    FIntent => "Accidentelle ou malveillante\u{a0}?", "Accidental or malicious?";
    IntentUnknown => "pas encore connu", "not known yet";
    IntentAccidental => "accidentelle (erreur, perte)", "accidental (an error, a loss)";
    IntentMalicious => "malveillante (vol, piratage, acte volontaire)", "malicious (theft, hacking, a deliberate act)";
    FMeasuresPlanned => "Mesures prévues, pas encore prises", "Measures planned, not yet taken";
    FContactRole => "Fonction de la personne à contacter (si ce n'est pas le DPO ou le médecin)", "Role of the contact person (if not the DPO or the doctor)";
    FContactPhone => "Téléphone de la personne à contacter", "Telephone of the contact person";
    DocAware => "Prise de connaissance (certitude raisonnable)", "Awareness (reasonable certainty)";
    DocDescription => "Description", "Description";
    DocLateReasons => "Raisons du retard au-delà de 72 heures", "Reasons for a delay beyond 72 hours";
    DocContactRoleDpo => "Délégué à la protection des données (DPO)", "Data protection officer (DPO)";
    DocContactRoleDoctor => "Médecin, responsable du traitement", "Doctor, controller";
    DocRole => "Fonction", "Role";
    DocName => "Nom", "Name";
    DocContactRole => "Fonction de la personne à contacter", "Role of the contact person";
    PdfNotInformedShort => "non (décision motivée)", "no (reasoned decision)";
    DocCause => "Cause", "Cause";
    ErrBreachAgainstAdvice => "Vous ne suivez pas la recommandation de Vigie : indiquez pourquoi, la raison est inscrite au registre.", "You are not following Vigie's recommendation: say why; the reason goes into the register.";
    ErrBreachNoDraft => "Préparez d'abord le brouillon de notification, ou confirmez que la notification a été déposée autrement sur le site de la CNIL.", "First prepare the draft notification, or confirm that the notification was filed another way on the CNIL's site.";
    ErrBreachNoInformedCount => "Indiquez combien de patients ont été informés (un nombre approximatif suffit).", "Say how many patients were informed (an approximate number will do).";
    ErrBreachNoSentAt => "Indiquez quand la notification a été envoyée (jj/mm/aaaa hh:mm).", "Say when the notification was sent (dd/mm/yyyy hh:mm).";
    ErrBreachNoInformedAt => "Indiquez quand les patients ont été informés (jj/mm/aaaa hh:mm).", "Say when the patients were informed (dd/mm/yyyy hh:mm).";
    ErrBreachNoChoice => "Choisissez oui ou non.", "Choose yes or no.";
    FieldCount => "Un nombre, approximatif ou en fourchette, est attendu : 25, environ 25, 25 à 30, plus de 1 000.", "A number, approximate or as a range, is expected: 25, about 25, 25 to 30, more than 1,000.";
    EvPrepared => "Document préparé", "Document prepared";
    PreparedCnilDraft => "brouillon de notification à la CNIL", "draft notification to the CNIL";
    PreparedLetter => "lettre aux patients", "letter to the patients";
    BreachRecommended => "recommandé par Vigie", "recommended by Vigie";
    BreachAgainstAdvice => "Ce choix ne suit pas la recommandation de Vigie : indiquez pourquoi avant de l'enregistrer (la raison est inscrite au registre).", "This choice does not follow Vigie's recommendation: say why before recording it (the reason goes into the register).";
    BreachAgainstReason => "Pourquoi ne pas suivre la recommandation\u{a0}?", "Why not follow the recommendation?";
    BreachPrepareDraft => "1. Préparer le brouillon de notification (PDF)…", "1. Prepare the draft notification (PDF)…";
    BreachDraftPrepared => "Brouillon préparé le", "Draft prepared on";
    BreachFileOnCnil => "2. Déposez la notification sur le site de la CNIL (notifications.cnil.fr) à partir du brouillon, puis enregistrez ici ce qui a été envoyé, avec le numéro que la CNIL a donné.", "2. File the notification on the CNIL's site (notifications.cnil.fr) from the draft, then record here what was sent, with the number the CNIL gave.";
    BreachFiledOtherWay => "La notification a été déposée autrement, sans ce brouillon", "The notification was filed another way, without this draft";
    BreachMarkNotifiedFiled => "3. Enregistrer la notification déposée", "3. Record the notification filed";
    BreachInformedCount => "Nombre de patients informés (approximatif accepté)", "Number of patients informed (approximate accepted)";
    BreachInformFirst => "Préparez la lettre (ou l'avis public), envoyez-la, puis enregistrez ici quand, comment et à combien de patients.", "Prepare the letter (or the public notice), send it, then record here when, how and to how many patients.";
    ErrBreachIdMissing => "indiquez la violation avec --breach ID (voir vigie breach list)", "give the breach with --breach ID (see vigie breach list)";
    CliBreachNone => "Aucune violation enregistrée.", "No breach recorded.";
    CliAssessHeading => "Avis de Vigie sur ces faits (la décision revient au médecin, avec sa raison)", "Vigie's advice on these facts (the doctor decides, with the reason)";
    CliAssessValuesKnown => "yes, no, unknown", "yes, no, unknown";
    CliAssessValuesNumber => "un nombre entier positif, ou \"unknown\"", "a whole number, or \"unknown\"";
    CliAssessValuesTime => "une date RFC 3339 (2026-12-01T09:00:00+01:00), ou \"unknown\"", "an RFC 3339 date (2026-12-01T09:00:00+01:00), or \"unknown\"";
    CliAssessValuesText => "un texte, ou \"unknown\"", "a text, or \"unknown\"";
    PdfRegisterIntro => "RGPD, article 33(5) : toutes les violations de données personnelles, notifiées ou non, avec les faits, leurs effets, les mesures prises et les décisions motivées.",
        "GDPR, article 33(5): every personal-data breach, notified or not, with the facts, their effects, the remedial action and the reasoned decisions.";
    PdfColBreach => "Violation", "Breach";
    PdfColAware => "Connue le", "Aware on";
    PdfColNotified => "Notification CNIL", "CNIL notification";
    PdfColInformed => "Information", "Informed";
    PdfChainHeading => "Empreinte du registre", "Fingerprint of the register";
    PdfChainExplain => "Chaque événement du registre est chaîné au précédent : son empreinte SHA-256 couvre son numéro, sa date, son auteur, son contenu et l'empreinte de l'événement précédent, si bien que modifier, retirer ou insérer un événement change toutes les empreintes qui suivent. Le nombre d'événements et l'empreinte du dernier, imprimés ici, permettent de vérifier plus tard, avec «\u{a0}vigie breach verify\u{a0}», qu'aucun événement antérieur n'a été modifié, retiré ou ajouté.",
        "Each event of the register is chained to the one before: its SHA-256 fingerprint covers its number, its date, its author, its content and the previous event's fingerprint, so that changing, removing or inserting an event changes every fingerprint after it. The number of events and the last one's fingerprint, printed here, let anyone check later, with “vigie breach verify”, that no earlier event was changed, removed or added.";
    PdfNotifTitle => "Notification de violation à la CNIL : brouillon", "Breach notification to the CNIL: draft";
    PdfNotifIntro => "À recopier dans le service en ligne de la CNIL (notifications.cnil.fr). Les rubriques suivent l'ordre du formulaire en ligne tel qu'en juillet 2023 (« trame des notifications ») ; vérifiez-le sur le formulaire du jour. Ce brouillon ne vaut pas notification.",
        "To copy into the CNIL's online service (notifications.cnil.fr). The headings follow the order of the online form as of July 2023 (the “trame des notifications”); check it against the form of the day. This draft is not a notification.";
    PdfN1 => "1. Type de notification", "1. Type of notification";
    PdfN2 => "2. Organisme", "2. Organisation";
    PdfN3 => "3. Représentant légal", "3. Legal representative";
    PdfN4 => "4. Personne à contacter", "4. Contact person";
    PdfN5 => "5. Autres organismes impliqués", "5. Other organisations involved";
    PdfN6 => "6. Dates et découverte", "6. Dates and discovery";
    PdfN7 => "7. Nature de la violation", "7. Nature of the breach";
    PdfN8 => "8. Données et personnes concernées", "8. Data and people concerned";
    PdfN9 => "9. Mesures de sécurité avant la violation", "9. Security measures before the breach";
    PdfN10 => "10. Conséquences probables", "10. Likely consequences";
    PdfN11 => "11. Préjudices possibles et gravité", "11. Possible harms and severity";
    PdfN12 => "12. Mesures prises et prévues après la violation", "12. Measures taken and planned after the breach";
    PdfN13 => "13. Information des personnes", "13. Information of the people";
    PdfN14 => "14. Aspects transfrontaliers et autres autorités", "14. Cross-border aspects and other authorities";
    PdfOrgName => "Nom", "Name";
    PdfSector => "Secteur", "Sector";
    PdfSectorHealth => "Santé : cabinet médical libéral", "Health: private medical practice";
    PdfHeadcount => "Effectif", "Headcount";
    PdfPhone => "Téléphone", "Telephone";
    PdfEmail => "Courriel", "E-mail";
    PdfOngoing => "en cours", "ongoing";
    PdfPeopleCategories => "Catégories de personnes", "Categories of people";
    PdfHarmSecrecy => "Atteinte au secret médical possible (données de santé).", "Possible breach of medical secrecy (health data).";
    PdfInformPlanned => "prévue", "planned";
    PdfLetterTitle => "Information sur une violation de vos données personnelles", "Information about a breach of your personal data";
    PdfLetterGreeting => "Madame, Monsieur,", "Dear Madam, dear Sir,";
    PdfLetterIntro => "Nous vous écrivons parce qu'un incident a touché des données personnelles vous concernant, conservées par notre cabinet. La loi (RGPD, article 34) nous demande de vous en informer ; nous tenons à le faire clairement.",
        "We are writing because an incident affected personal data about you kept by our practice. The law (GDPR, article 34) asks us to tell you; we want to do so clearly.";
    PdfLetterWhat => "Ce qui s'est passé", "What happened";
    PdfLetterMeasures => "Ce que nous avons fait", "What we have done";
    PdfLetterAdvice => "Ce que vous pouvez faire", "What you can do";
    PdfLetterContact => "Pour toute question", "If you have questions";
    PdfLetterCnil => "Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris).", "You may also lodge a complaint with the CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris).";
    PdfLetterClosing => "Nous vous prions de nous excuser pour cet incident et restons à votre disposition.", "We apologise for this incident and remain at your disposal.";
    PdfLetterDraftNote => "Modèle à relire et compléter avant envoi (nom et adresse du patient).", "A template to read and complete before sending (the patient's name and address).";
    // ---- Encrypted archives ------------------------------------------------------------------------
    EventArchiveCreated => "Archive chiffrée créée et vérifiée", "Encrypted archive made and verified";
    EventArchiveOriginalsRemoved => "Originaux d'une archive vérifiée supprimés", "Originals of a verified archive removed";
    ErrArchiveNotAge => "Ce fichier n'est pas une archive chiffrée (format age). Choisissez le fichier .age.", "This file is not an encrypted archive (age format). Choose the .age file.";
    ErrArchiveNeedsPassphrase => "Cette archive s'ouvre avec une phrase de passe, pas avec la clé du cabinet.", "This archive opens with a passphrase, not with the practice key.";
    ErrArchiveNeedsIdentity => "Cette archive s'ouvre avec une clé (celle du cabinet, ou un fichier de clé age), pas avec une phrase de passe.", "This archive opens with a key (the practice's, or an age key file), not with a passphrase.";
    ErrArchiveWrongKey => "La clé donnée n'ouvre pas cette archive : elle a été chiffrée pour une autre clé (un autre cabinet, ou une clé remplacée).", "The key given does not open this archive: it was encrypted to another key (another practice, or a replaced key).";
    ErrArchiveWrongPassphrase => "Phrase de passe incorrecte pour cette archive. Rien n'a été écrit.", "Wrong passphrase for this archive. Nothing was written.";
    ErrArchiveUnsafeEntry => "Cette archive contient un chemin qui sortirait du dossier choisi (« .. », chemin absolu) ou un lien : elle est refusée, rien n'a été écrit.", "This archive holds a path that would leave the chosen folder (\"..\", an absolute path) or a link: it is refused, nothing was written.";
    ErrArchiveTwoManifests => "Cette archive contient deux listes de contrôle (MANIFEST.json) : impossible de savoir laquelle croire. Elle est refusée.", "This archive holds two check lists (MANIFEST.json): there is no telling which to believe. It is refused.";
    ErrArchiveSourceChanged => "Un fichier a changé pendant qu'il était archivé. L'archive n'a pas été créée et les originaux sont intacts ; recommencez quand les fichiers ne sont plus en cours d'écriture.", "A file changed while it was being archived. The archive was not made and the originals are untouched; start again when the files are no longer being written.";
    ErrArchiveNothing => "Il n'y a aucun fichier à archiver dans ce qui a été choisi.", "There is no file to archive in what was chosen.";
    ErrArchiveCancelled => "Annulé. Aucune archive n'a été laissée et les originaux sont intacts.", "Cancelled. No archive was left behind and the originals are untouched.";
    ErrArchiveBadIdentity => "Ce n'est pas une clé d'archive valable (elle commence par AGE-SECRET-KEY-1).", "This is not a valid archive key (it starts with AGE-SECRET-KEY-1).";
    ErrArchiveNoRecipient => "Ce fichier de clé ne contient aucune clé utilisable pour chiffrer.", "This key file holds no key that can encrypt.";
    ErrArchiveNoPracticeKey => "Ce cabinet n'a pas encore de clé d'archives : aucune archive n'a été créée avec lui.", "This practice has no archive key yet: no archive was made with it.";
    ErrArchiveKeyMissing => "Pour ouvrir cette archive, donnez le coffre du cabinet (--vault) ou un fichier de clé (--identity).", "To open this archive, give the practice's vault (--vault) or a key file (--identity).";
    ErrArchiveVaultNeeded => "Pour chiffrer avec la clé du cabinet, donnez son coffre (--vault) ; ou choisissez une phrase de passe (--passphrase).", "To encrypt with the practice key, give its vault (--vault); or choose a passphrase (--passphrase).";
    CliPromptArchivePassphrase => "Phrase de passe de l'archive : ", "Archive passphrase: ";
    CliArchiveNoManifest => "Pas de manifeste (archive faite hors de Vigie) : l'intégrité est garantie par le format age, sans liste des fichiers à comparer.", "No manifest (an archive made outside Vigie): integrity is guaranteed by the age format, without a list of files to compare with.";
    CliArchiveKeyMade => "Une clé d'archives a été créée pour ce cabinet et gardée dans son coffre. Enregistrez sa feuille (vigie archive key --vault … --out …) et rangez-la avec le code de secours : sans elle ni le coffre, les archives ne s'ouvrent plus.", "An archive key was made for this practice and kept in its vault. Save its sheet (vigie archive key --vault … --out …) and keep it with the recovery code: without it or the vault, the archives no longer open.";
    CliArchiveRemoveWarning => "Supprimer un fichier ne garantit pas que ses données disparaissent du disque (SSD, systèmes de fichiers journalisés) : le vrai remède est le chiffrement du disque entier (BitLocker, FileVault, LUKS).", "Deleting a file does not guarantee that its data leaves the disk (SSDs, journaled file systems): the real fix is full-disk encryption (BitLocker, FileVault, LUKS).";
    ArchiveTitle => "Chiffrer ces fichiers dans une archive", "Encrypt these files into an archive";
    ArchiveOpen => "Chiffrer ces fichiers…", "Encrypt these files…";
    ArchiveOpenHint => "Mettre les images trouvées dans une archive chiffrée et vérifiée, puis, si vous le confirmez, supprimer les originaux.", "Put the images found into an encrypted, verified archive, then, if you confirm, delete the originals.";
    ArchiveClose => "Fermer", "Close";
    ArchiveIntro => "Vigie copie les fichiers choisis dans une archive chiffrée (format age, lisible aussi sans Vigie), la relit en entier et compare chaque fichier avant de la déclarer réussie. Les originaux ne sont pas touchés ; vous déciderez ensuite de les supprimer ou non. Rien ne quitte cet ordinateur.", "Vigie copies the chosen files into an encrypted archive (age format, readable without Vigie too), reads it back whole and compares every file before calling it a success. The originals are not touched; you then decide whether to delete them. Nothing leaves this computer.";
    ArchiveWhich => "Quels fichiers", "Which files";
    ArchiveHow => "Avec quelle clé", "With which key";
    ArchiveKeyPractice => "La clé du cabinet (vos propres archives : elle est gardée dans le coffre et sur la feuille de secours)", "The practice key (your own archives: it is kept in the vault and on the recovery sheet)";
    ArchiveKeyPassphrase => "Une phrase de passe (pour remettre l'archive à quelqu'un : un confrère, un hôpital)", "A passphrase (to hand the archive to someone: a colleague, a hospital)";
    ArchivePassphrase => "Phrase de passe de l'archive", "Archive passphrase";
    ArchivePassphraseAgain => "La même, une seconde fois", "The same, once more";
    ArchivePassphraseHint => "Transmettez la phrase de passe par un autre moyen que l'archive (par téléphone, par exemple). Le destinataire l'ouvre avec Vigie ou avec l'outil age (age -d).", "Pass the passphrase on by another way than the archive (by phone, for instance). The recipient opens it with Vigie or with the age tool (age -d).";
    ArchiveWhere => "Où enregistrer l'archive", "Where to save the archive";
    ArchiveFile => "Fichier :", "File:";
    ArchiveChoose => "Choisir…", "Choose…";
    ArchiveNothingPicked => "Aucun fichier à chiffrer dans ce choix (les conteneurs déjà chiffrés sont laissés de côté).", "No file to encrypt in this choice (containers already encrypted are left out).";
    ArchivePhaseListing => "Liste des fichiers…", "Listing the files…";
    ArchivePhaseEncrypting => "Chiffrement des fichiers…", "Encrypting the files…";
    ArchivePhaseVerifying => "Relecture et vérification de l'archive…", "Reading the archive back and checking it…";
    ArchivePhaseRestoring => "Restauration…", "Restoring…";
    ArchivePhaseRemoving => "Suppression des originaux…", "Removing the originals…";
    ArchiveRemoveTitle => "Et les originaux ?", "And the originals?";
    ArchiveRemoveWarning => "Vous pouvez maintenant supprimer les originaux : seuls ceux qui n'ont pas changé depuis l'archivage le seront. Attention : supprimer un fichier ne garantit pas que ses données disparaissent du disque (SSD, systèmes de fichiers journalisés). Le vrai remède est le chiffrement du disque entier (BitLocker, FileVault, LUKS) ; les contrôles du PC disent s'il est actif.", "You can now delete the originals: only those that have not changed since they were archived will be. Note: deleting a file does not guarantee that its data leaves the disk (SSDs, journaled file systems). The real fix is full-disk encryption (BitLocker, FileVault, LUKS); the PC checks say whether it is on.";
    ArchiveKeepOriginals => "Garder les originaux", "Keep the originals";
    ArchiveRescanHint => "Relancez l'analyse pour voir l'état des dossiers aujourd'hui.", "Run the scan again to see the folders as they are now.";
    ArchiveKeySheetNeeded => "La clé des archives du cabinet n'a pas encore été enregistrée hors du coffre. Sans elle ni le coffre, vos archives ne s'ouvriraient plus : enregistrez sa feuille et rangez-la avec le code de secours.", "The practice's archive key has not been saved outside the vault yet. Without it or the vault, your archives would no longer open: save its sheet and keep it with the recovery code.";
    ArchivePendingSettle => "Vérifier et noter l'archive", "Verify and record the archive";
    ArchivePendingForget => "Oublier cette archive…", "Forget this archive…";
    ArchivePendingForgetConfirm => "Oublier : ne pas la noter", "Forget: do not record it";
    ArchivePendingChecking => "Relecture et vérification de l'archive interrompue…", "Reading back and verifying the interrupted archive…";
    ArchiveNotStartedSave => "Le coffre n'a pas pu être enregistré : l'archive n'a pas été commencée (rien n'est écrit). Réessayez une fois l'enregistrement rétabli.", "The vault could not be saved: the archive was not started (nothing is written). Try again once saving works.";
    ArchiveSaveKeySheet => "Enregistrer la feuille de la clé des archives…", "Save the archive key sheet…";
    ArchiveKeyFileFilter => "Clé age (texte)", "age key (text)";
    ArchiveFileFilter => "Archive chiffrée age", "Encrypted age archive";
    RecoveryDocSigningKey => "Empreinte de la clé de signature du médecin (un document signé par une autre clé n'est pas du cabinet ; vigie verify --expect-fingerprint) :", "Fingerprint of the practitioner's signing key (a document signed by another key is not the practice's; vigie verify --expect-fingerprint):";
    RecoveryDocArchiveKey => "Clé des archives chiffrées du cabinet (pour les ouvrir sans le coffre, avec Vigie ou l'outil age : age -d -i) :", "The practice's encrypted-archive key (to open them without the vault, with Vigie or the age tool: age -d -i):";
    JobArchive => "l'archive chiffrée", "the encrypted archive";
    ArchiveScanChanged => "Une nouvelle analyse a remplacé celle dont ces fichiers venaient : fermez ce panneau et rouvrez-le.", "A new scan replaced the one these files came from: close this panel and open it again.";
    ArchiveWaitForSave => "Le coffre n'est pas encore enregistré (il garde la clé et la trace de l'archive) : attendez l'enregistrement, ou corrigez son erreur, avant de supprimer les originaux.", "The vault is not saved yet (it keeps the key and the record of the archive): wait for the save, or fix its error, before deleting the originals.";
    ArchiveKeyPracticeShort => "clé du cabinet", "practice key";
    ArchiveKeyPassphraseShort => "phrase de passe", "passphrase";
    CliArchiveKeySheetWarning => "Ce fichier contient la clé secrète des archives du cabinet, en clair : rangez-le hors de l'ordinateur (imprimé avec le code de secours, ou sur une clé USB au coffre).", "This file holds the practice's secret archive key, in clear: keep it off the computer (printed with the recovery code, or on a USB stick in a safe).";
    // ---- Checklist v2: actions, glossary, consistency ----
    ProviderHeading => "Pour votre prestataire", "For your IT provider";
    GlossaryTitle => "Glossaire", "Glossary";
    GlossaryHint => "Les mots soulignés sont expliqués dans le glossaire : cliquez dessus.", "Underlined words are explained in the glossary: click them.";
    GlossaryOpen => "Ouvrir le glossaire", "Open the glossary";
    GlossaryClose => "Fermer le glossaire", "Close the glossary";
    MarkDoneAsk => "Mesure faite : voulez-vous aussi mettre la réponse à « Oui » ?", "Measure done: do you also want to set the answer to “Yes”?";
    MarkDoneUpdate => "Oui, mettre la réponse à jour", "Yes, update the answer";
    MarkDoneKeep => "Non, garder la réponse", "No, keep the answer";
    NaReasonAsk => "Cette mesure est essentielle (priorité 3). Écrivez pourquoi elle ne concerne pas le cabinet :", "This measure is essential (priority 3). Write why it does not concern the practice:";
    NaReasonConfirm => "Confirmer « Non applicable »", "Confirm “Not applicable”";
    ThemeAllAnsweredHint => "Toutes les questions de ce thème ont une réponse. Ce n'est pas une note : le score du thème dit où vous en êtes.", "Every question of this theme has an answer. It is not a grade: the theme's score says where you stand.";
    ScoreFewAnswersHint => "Score calculé sur moins de la moitié des questions du thème : il peut changer beaucoup.", "Score based on fewer than half of the theme's questions: it can change a lot.";
    PdfGlossaryTitle => "Annexe : glossaire", "Annex: glossary";
    ReportCatalog => "Liste de contrôle", "Checklist";
    PdfSourcesTitle => "Annexe : références citées", "Annex: references cited";
    ReceivesImages => "Le cabinet reçoit des images médicales d'autres praticiens (courriel, CD ou clé USB, plateforme)", "The practice receives medical images from others (e-mail, CD or USB stick, platform)";
    Teleconsultation => "Téléconsultations", "Teleconsultations";
    VideoSurveillance => "Vidéosurveillance dans les locaux", "Video surveillance in the premises";
    OwnEmailDomain => "Messagerie sur un nom de domaine propre au cabinet (par exemple @cabinet-martin.fr)", "E-mail on the practice's own domain name (for example @practice-martin.fr)";
    ContradictionHeading => "À vérifier", "To check";
    // ---- PC checks ----------------------------------------------------------------------------------
    SysTitle => "Contrôles du PC", "PC checks";
    SysOpenChecksPage => "Voir les contrôles du PC", "See the PC checks";
    SysIntro => "Vigie lit sur cet ordinateur ce qui compte pour la sécurité des données des patients : chiffrement du disque, pare-feu, antivirus, mises à jour, verrouillage de l'écran, programmes ouverts sur le réseau, serveur d'images. Rien n'est modifié ; rien n'est envoyé. Le résultat est gardé dans le coffre comme preuve.",
        "Vigie reads on this computer what matters for the security of patients' data: disk encryption, firewall, antivirus, updates, screen lock, programs open on the network, image server. Nothing is changed; nothing is sent. The result is kept in the vault as evidence.";
    SysStatusFail => "À corriger", "To fix";
    SysStatusWarning => "À vérifier", "To look at";
    SysStatusUnknown => "Impossible à dire", "Cannot tell";
    SysStatusPass => "En place", "In place";
    SysFix => "Que faire", "What to do";
    SysNetworkWhat => "Ce contrôle frappe à la porte de vos serveurs d'images comme le ferait un intrus branché sur le réseau du cabinet : depuis ce PC, vers l'adresse de ce PC sur le réseau, il ouvre une association DICOM avec un nom d'appelant inconnu suivi d'un « ping » DICOM (C-ECHO), et demande la liste des patients à l'API d'Orthanc sans mot de passe puis avec les mots de passe d'exemple d'Orthanc. Rien ne sort du réseau du cabinet ; aucune donnée de patient n'est lue ni gardée (seulement le nombre d'entrées).",
        "This check knocks on your imaging servers' door as an intruder plugged into the practice's network would: from this PC, to this PC's address on the network, it opens a DICOM association with an unknown caller name followed by a DICOM \"ping\" (C-ECHO), and asks Orthanc's API for the patient list without a password, then with Orthanc's sample passwords. Nothing leaves the practice's network; no patient data is read or kept (only the number of entries).";
    SysUpnpWhat => "Ce contrôle demande à la box Internet, par UPnP, la liste des ports qu'elle a ouverts vers les machines du cabinet. Le message de recherche reste sur le réseau local. Les redirections faites à la main et la DMZ ne sont pas visibles ainsi (et beaucoup de box ont l'UPnP coupé) : la liste de contrôle demande aussi une capture d'écran de la page de la box.",
        "This check asks the Internet router, over UPnP, for the list of ports it opened towards the practice's machines. The search message stays on the local network. Forwards made by hand and the DMZ are not visible this way (and many routers have UPnP switched off): the checklist also asks for a screenshot of the router's page.";
    // One name per check.
    SysCheckDiskEncryption => "Chiffrement du disque", "Disk encryption";
    SysCheckFirewall => "Pare-feu", "Firewall";
    SysCheckAntivirus => "Antivirus", "Antivirus";
    SysCheckOsEndOfLife => "Mises à jour de sécurité du système", "System security updates";
    SysCheckScreenLock => "Verrouillage automatique de l'écran", "Automatic screen lock";
    SysCheckAdminUse => "Compte utilisé au quotidien", "Account used every day";
    SysCheckListeningPorts => "Programmes ouverts sur le réseau", "Programs open on the network";
    SysCheckRemoteDesktop => "Bureau à distance", "Remote desktop";
    SysCheckOrthancConfig => "Configuration d'Orthanc", "Orthanc configuration";
    SysCheckRemoteMaintenance => "Outils de prise en main à distance", "Remote-maintenance tools";
    SysCheckCloudSync => "Dossiers synchronisés dans le cloud", "Cloud-synced folders";
    SysCheckImagingExposure => "Serveur d'images ouvert à tous ?", "Imaging server open to anyone?";
    SysCheckBoxMappings => "Ports ouverts par la box (UPnP)", "Ports opened by the router (UPnP)";
    // The box's own rules (issue 34).
    SysCheckBoxRules => "Règles de la box Internet", "The Internet router's rules";
    BoxTitle => "Box Internet", "Internet router";
    BoxStart => "Lire les règles de la box…", "Read the router's rules…";
    BoxAddress => "Adresse de la box (vide : la passerelle par défaut)", "The router's address (empty: the default gateway)";
    BoxAddressInvalid => "Cette adresse n'est pas une adresse IP.", "This is not an IP address.";
    BoxKindLabel => "Box", "Router";
    BoxKindAuto => "Reconnaître la box", "Recognize the router";
    BoxKindOther => "Autre box (SFR…)", "Other router (SFR…)";
    BoxPasswordLabel => "Mot de passe administrateur (Livebox, Bbox) — non conservé", "Administrator password (Livebox, Bbox) — not kept";
    BoxReading => "Lecture des règles de la box…", "Reading the router's rules…";
    BoxPromptPassword => "Mot de passe administrateur de la box : ", "The router's administrator password: ";
    BoxWhat => "Vigie va lire les règles de la box Internet du cabinet, à son adresse sur le réseau local : les redirections de ports, la DMZ, le pare-feu IPv6, l'UPnP et l'accès à distance. Rien n'est modifié sur la box et rien ne sort du cabinet. Le mot de passe de la box n'est pas conservé.", "Vigie will read the rules of the practice's Internet router, at its address on the local network: port forwards, the DMZ, the IPv6 firewall, UPnP and remote access. Nothing is changed on the router and nothing leaves the practice. The router's password is not kept.";
    BoxFreeboxButton => "Appuyez sur le bouton indiqué sur l'écran de la Freebox (la flèche vers la droite, « > ») pour autoriser Vigie à lire ses réglages. Cette autorisation est demandée une seule fois.", "Press the button shown on the Freebox's screen (the right arrow, “>”) to let Vigie read its settings. This authorisation is asked once.";
    BoxFixFreebox => "Dans Freebox OS (mafreebox.freebox.fr) : Paramètres de la Freebox → Gestion des ports : supprimez la redirection ; DMZ : décochez « Activer » ; Mode avancé → Pare-feu IPv6 : activez-le ; Accès à distance : désactivez-le s'il ne sert pas.", "In Freebox OS (mafreebox.freebox.fr): Freebox settings → Port management: delete the forward; DMZ: untick “Enable”; Advanced mode → IPv6 firewall: turn it on; Remote access: turn it off if unused.";
    BoxFixLivebox => "Dans l'interface de la Livebox (192.168.1.1, mot de passe administrateur) : Réseau → NAT/PAT : supprimez la règle ; Réseau → DMZ : supprimez l'équipement ; Réseau → Pare-feu : niveau « Moyen » ou « Élevé », IPv6 compris ; Réseau → UPnP : désactivez-le s'il ne sert pas.", "In the Livebox's interface (192.168.1.1, admin password): Network → NAT/PAT: delete the rule; Network → DMZ: remove the device; Network → Firewall: level “Medium” or “High”, IPv6 included; Network → UPnP: turn it off if unused.";
    BoxFixBbox => "Dans l'interface de la Bbox (mabbox.bytel.fr) : Services de la box → Redirection de ports : supprimez la règle ; DMZ : désactivez-la ; Pare-feu : activez-le ; UPnP et Accès à distance : désactivez-les s'ils ne servent pas.", "In the Bbox's interface (mabbox.bytel.fr): Box services → Port forwarding: delete the rule; DMZ: turn it off; Firewall: turn it on; UPnP and Remote access: turn them off if unused.";
    BoxFixOther => "Ouvrez la page d'administration de la box (son adresse et son mot de passe sont sur l'étiquette) : supprimez les redirections de ports et la DMZ (« hôte exposé »), laissez le pare-feu IPv6 activé, coupez l'UPnP et l'administration à distance s'ils ne servent pas. Notez ce que vous avez vu dans le formulaire ci-dessous.", "Open the router's administration page (its address and password are on its label): delete the port forwards and the DMZ (“exposed host”), keep the IPv6 firewall on, turn UPnP and remote administration off if unused. Note what you saw in the form below.";
    BoxNothingOpen => "La box ne laisse rien entrer d'Internet : aucune redirection, pas de DMZ, pare-feu IPv6 actif, UPnP coupé, pas d'administration à distance.", "The router lets nothing in from the Internet: no forward, no DMZ, IPv6 firewall on, UPnP off, no remote administration.";
    BoxUpnpOn => "L'UPnP est activé : n'importe quel programme du cabinet peut ouvrir un port de la box sans rien demander.", "UPnP is on: any program in the practice can open a port of the router without asking.";
    BoxBreachHint => "Si ce port était ouvert alors que des images de patients étaient sur la machine, ouvrez une fiche dans le registre des violations.", "If this port was open while patient images were on the machine, open a record in the breach register.";
    BoxOriginManual => "tapée à la main", "typed by hand";
    BoxOriginUpnp => "ouverte par UPnP", "opened over UPnP";
    BoxOriginUnknown => "d'origine inconnue", "of unknown origin";
    BoxThisPc => "cet ordinateur", "this computer";
    BoxKindImaging => "images médicales", "medical images";
    BoxKindWebViewer => "visionneuse web", "web viewer";
    BoxKindRemoteDesktop => "bureau à distance", "remote desktop";
    BoxKindFileSharing => "partage de fichiers", "file sharing";
    BoxKindSsh => "SSH", "SSH";
    BoxErrUnreachable => "rien ne répond à cette adresse", "nothing answers at this address";
    BoxErrTimeout => "la box a mis trop de temps à répondre", "the router took too long to answer";
    BoxErrTooLarge => "la réponse de la box est anormalement grande", "the router's answer is abnormally large";
    BoxErrMalformed => "la réponse de la box est illisible", "the router's answer is unreadable";
    BoxErrRedirect => "la box a renvoyé ailleurs (non suivi)", "the router redirected elsewhere (not followed)";
    BoxErrCertificate => "le certificat de la box n'a pas pu être vérifié (autorité ou nom inattendus) : lecture abandonnée", "the router's certificate could not be verified (unexpected authority or name): reading abandoned";
    BoxErrTls => "l'échange chiffré (TLS) avec la box a échoué", "the encrypted (TLS) exchange with the router failed";
    BoxErrWrongPassword => "la box a refusé le mot de passe", "the router refused the password";
    BoxErrPasswordNeeded => "le mot de passe administrateur de la box est nécessaire", "the router's administrator password is needed";
    BoxErrAuthPending => "l'autorisation attend toujours l'appui sur le bouton de la box", "the authorisation is still waiting for the button on the router";
    BoxErrAuthDenied => "l'autorisation a été refusée sur la box", "the authorisation was refused on the router";
    BoxErrAuthTimeout => "le bouton de la box n'a pas été pressé à temps", "the button on the router was not pressed in time";
    BoxErrTokenRefused => "la box ne reconnaît plus l'autorisation de Vigie : demandez-la de nouveau", "the router no longer knows Vigie's authorisation: ask for it again";
    // The record typed by the doctor for a box with no API (SFR, unknown).
    BoxManualTitle => "Ce que vous avez vu dans les pages de la box", "What you saw in the router's pages";
    BoxManualIntro => "Cette box ne permet pas à Vigie de lire ses règles. Ouvrez ses pages d'administration en suivant le guide de votre box ci-dessous, puis notez ce que vous y voyez : Vigie le garde dans le coffre, daté, comme preuve.", "This router does not let Vigie read its rules. Open its administration pages following your router's guide below, then note what you see there: Vigie keeps it in the vault, dated, as evidence.";
    BoxManualGuides => "Les guides des box", "The routers' guides";
    BoxManualModel => "Nom de la box (facultatif)", "The router's name (optional)";
    BoxManualForwards => "Des redirections de ports (NAT/PAT) sont-elles listées ?", "Are port forwards (NAT/PAT) listed?";
    BoxManualForwardPort => "Port", "Port";
    BoxManualForwardHost => "vers la machine (adresse IP)", "to the machine (IP address)";
    BoxManualForwardAdd => "Ajouter une redirection", "Add a forward";
    BoxManualForwardRemove => "Retirer", "Remove";
    BoxManualDmz => "La DMZ (« hôte exposé ») est-elle activée ?", "Is the DMZ (“exposed host”) on?";
    BoxManualDmzHost => "Vers la machine (adresse IP)", "To the machine (IP address)";
    BoxManualUpnp => "L'UPnP est-il activé ?", "Is UPnP on?";
    BoxManualRemoteAdmin => "L'administration à distance (depuis Internet) est-elle activée ?", "Is remote administration (from the Internet) on?";
    BoxManualIpv6 => "Le pare-feu IPv6 est-il désactivé ou « ouvert » ?", "Is the IPv6 firewall off or “open”?";
    BoxManualYes => "Oui", "Yes";
    BoxManualNo => "Non", "No";
    BoxManualNotSeen => "Pas vu", "Not seen";
    BoxManualInvalid => "Chaque redirection demande un port (1 à 65535) et une machine ; la DMZ activée, sa machine.", "Each forward needs a port (1 to 65535) and a machine; the DMZ on, its machine.";
    BoxManualIncomplete => "Rien d'ouvert parmi ce qui a été vu, mais les redirections ou la DMZ n'ont pas été regardées : impossible de dire si la box laisse entrer Internet.", "Nothing open among what was seen, but the forwards or the DMZ were not looked at: cannot tell whether the router lets the Internet in.";
    BoxManualSave => "Enregistrer ce relevé", "Save this record";
    BoxManualByHand => "Relevé saisi par le médecin d'après les pages de la box (Vigie n'a pas lu la box).", "Record typed by the doctor from the router's pages (Vigie did not read the router).";
    BoxBreachFromCase => "Enregistrer une violation de données à partir de ce constat…", "Record a data breach from this finding…";
    BoxBreachTitle => "Serveur d'images ouvert à Internet par la box", "Imaging server opened to the Internet by the router";
    BoxDashboardNever => "Box Internet : ses règles n'ont pas été lues.", "Internet router: its rules have not been read.";
    PdfBoxDate => "Relevé du", "Read on";
    PdfBoxWhich => "Box", "Router";
    PdfBoxFinding => "Constat", "Finding";
    PdfBoxRisk => "Risque", "Risk";
    PdfBoxHigh => "Élevé", "High";
    PdfBoxMedium => "Moyen", "Medium";
    PdfBoxUnread => "Non lue", "Not read";
    BoxErrNoApi => "cette box ne permet pas de lire ses règles : vérifiez-les à la main", "this router does not let its rules be read: check them by hand";
    BoxErrUnexpected => "la box a répondu quelque chose que Vigie ne sait pas lire", "the router answered something Vigie cannot read";
    // Reasons for "cannot tell".
    SysReasonNeedsAdmin => "Il faut les droits d'administrateur pour le lire.", "Reading it needs administrator rights.";
    SysReasonNotOnThisSystem => "Ce contrôle ne concerne pas ce système.", "This check does not apply to this system.";
    SysReasonNotReadable => "Illisible sous ce système (outil ou service absent).", "Not readable under this system (tool or service missing).";
    SysReasonUnrecognized => "Valeur lue que Vigie ne sait pas interpréter : voir le détail.", "A value was read that Vigie cannot interpret: see the detail.";
    SysReasonBlocked => "La politique de sécurité de Windows a bloqué la lecture (PowerShell en mode restreint).", "Windows's security policy blocked the reading (PowerShell in constrained mode).";
    SysReasonNotRequested => "Pas encore lancé : ce contrôle passe par le réseau et n'a lieu qu'à votre demande.", "Not run yet: this check goes over the network and runs only when you ask.";
    SysReasonNotInTable => "Cette version n'est pas dans la table des dates de fin de support de Vigie.", "This version is not in Vigie's table of end-of-support dates.";
    SysReasonNoSession => "Aucune session GNOME de cet utilisateur n'est ouverte ici : les réglages lus seraient ceux par défaut, pas ceux appliqués à votre session. Relancez la vérification depuis votre session.",
        "No GNOME session of this user is running here: the settings read would be the defaults, not those applied to your session. Run the check again from your session.";
    SysReasonNoGateway => "La box n'a pas répondu en UPnP (souvent parce que l'UPnP est coupé, ce qui est bien).", "The router did not answer over UPnP (often because UPnP is off, which is good).";
    // Findings.
    SysDiskNotEncrypted => "Le disque n'est pas chiffré : en cas de vol de l'ordinateur, les dossiers des patients sont lisibles.", "The disk is not encrypted: if the computer is stolen, patients' records can be read.";
    SysDiskInProgress => "Le chiffrement du disque est en cours (ou son retrait).", "Disk encryption (or its removal) is under way.";
    SysAntivirusNone => "Aucun antivirus n'est déclaré à Windows.", "No antivirus is registered with Windows.";
    SysScreenLockOff => "Aucun verrouillage automatique de l'écran trouvé.", "No automatic screen lock found.";
    SysDailyAdmin => "Le compte utilisé est administrateur : un programme malveillant ouvert par erreur aurait tous les droits.", "The account in use is an administrator: a malicious program opened by mistake would have every right.";
    SysDailySudo => "Le compte utilisé peut devenir administrateur avec son mot de passe (sudo).", "The account in use can become administrator with its password (sudo).";
    SysDailyStandard => "Le compte utilisé au quotidien est un compte standard.", "The account used every day is a standard account.";
    SysRemoteDesktopOff => "Le bureau à distance est coupé.", "Remote desktop is off.";
    SysNoExposedPorts => "Aucun programme n'écoute sur le réseau : seulement sur ce PC lui-même.", "No program listens on the network: only on this PC itself.";
    SysOrthancAbsent => "Aucune configuration d'Orthanc aux emplacements habituels (vous pouvez indiquer le fichier).", "No Orthanc configuration in the usual places (you can point to the file).";
    SysOrthancOk => "La configuration d'Orthanc n'a aucun des réglages risqués connus.", "Orthanc's configuration has none of the known risky settings.";
    SysNoRemoteTools => "Aucun outil de prise en main à distance ne tourne en permanence.", "No remote-maintenance tool is running all the time.";
    SysNoCloudFolders => "Aucun dossier synchronisé dans le cloud dans votre dossier personnel.", "No cloud-synced folder in your personal folder.";
    SysProbeNothing => "Aucun port d'imagerie ou web n'écoute sur le réseau : rien à tester.", "No imaging or web port listens on the network: nothing to test.";
    SysOrthancRemoteNoPassword => "l'interface web et l'API répondent au réseau sans mot de passe", "the web interface and API answer the network without a password";
    SysOrthancDicomAlways => "recherche ou téléchargement d'images permis à n'importe quel appelant DICOM", "image search or download allowed to any DICOM caller";
    SysOrthancNoHttps => "accès à distance en HTTP simple (mots de passe et images circulent en clair)", "remote access over plain HTTP (passwords and images travel in clear)";
    SysOrthancCalledAet => "le nom DICOM appelé n'est pas vérifié", "the called DICOM name is not checked";
    SysOrthancModalityHost => "les appareils connus ne sont pas vérifiés par leur adresse", "known devices are not checked by their address";
    SysOrthancNoTls => "DICOM sans chiffrement (TLS) sur le réseau", "DICOM without encryption (TLS) on the network";
    SysOutcomeAcceptsAnyone => "accepte n'importe qui", "accepts anyone";
    SysOutcomeAsksPassword => "demande un mot de passe", "asks for a password";
    SysOutcomeRefuses => "refuse les appelants inconnus", "refuses unknown callers";
    SysOutcomeAssociation => "accepte un appelant inconnu, sans répondre au « ping »", "accepts an unknown caller, without answering the \"ping\"";
    SysOutcomeWebServer => "un serveur web répond sans mot de passe (ce n'est pas l'API d'Orthanc)", "a web server answers without a password (not Orthanc's API)";
    SysOutcomeClosed => "fermé depuis cette adresse", "closed from this address";
    SysOutcomeNoAnswer => "pas de réponse compréhensible", "no understandable answer";
    SysUpnpInvisible => "Les redirections faites à la main et la DMZ ne sont pas visibles par l'UPnP : vérifiez la page de la box et joignez-en une capture d'écran à la liste de contrôle.", "Forwards made by hand and the DMZ are not visible over UPnP: check the router's page and attach a screenshot of it to the checklist.";
    // Fix steps.
    SysFixDiskEncryption => "Windows : Paramètres > Confidentialité et sécurité > Chiffrement de l'appareil (ou BitLocker, éditions Pro). Mac : Réglages > Confidentialité et sécurité > FileVault. Linux : le chiffrement (LUKS) se choisit à l'installation. Gardez la clé de récupération hors de l'ordinateur.",
        "Windows: Settings > Privacy & security > Device encryption (or BitLocker, Pro editions). Mac: Settings > Privacy & Security > FileVault. Linux: encryption (LUKS) is chosen at installation. Keep the recovery key away from the computer.";
    SysFixFirewall => "Windows : Sécurité Windows > Pare-feu et protection du réseau : activez les trois profils. Mac : Réglages > Réseau > Coupe-feu. Linux : sudo ufw enable.",
        "Windows: Windows Security > Firewall & network protection: turn all three profiles on. Mac: Settings > Network > Firewall. Linux: sudo ufw enable.";
    SysFixAntivirus => "Sécurité Windows > Protection contre les virus et menaces : activez la protection en temps réel et faites les mises à jour.", "Windows Security > Virus & threat protection: turn real-time protection on and update it.";
    SysFixOsEndOfLife => "Passez à une version encore suivie (Windows 11 à jour, dernière version de macOS ou de votre distribution). Un appareil d'imagerie lié à une vieille version : demandez à l'éditeur son plan et isolez le poste du réseau.",
        "Move to a version still supported (an up-to-date Windows 11, the latest macOS or your distribution's latest). An imaging device tied to an old version: ask the vendor for its plan and isolate the PC from the network.";
    SysFixScreenLock => "Réglez le verrouillage après 5 à 15 minutes d'inactivité, avec mot de passe au retour (Windows : Paramètres > Comptes > Options de connexion ; Mac : Réglages > Écran de verrouillage).",
        "Set the lock after 5 to 15 minutes of inactivity, with the password on return (Windows: Settings > Accounts > Sign-in options; Mac: Settings > Lock Screen).";
    SysFixAdminUse => "Créez un compte standard pour le travail de tous les jours et gardez le compte administrateur pour les installations.", "Create a standard account for everyday work and keep the administrator account for installations.";
    SysFixListeningPorts => "Pour chaque programme listé : s'il n'a pas à être joint depuis d'autres machines, réglez-le pour n'écouter que sur ce PC (127.0.0.1) ou arrêtez-le ; sinon, limitez-le par le pare-feu aux seules machines du cabinet.",
        "For each program listed: if it does not need to be reached from other machines, set it to listen only on this PC (127.0.0.1) or stop it; otherwise, limit it with the firewall to the practice's machines.";
    SysFixRemoteDesktop => "Coupez le bureau à distance s'il ne sert pas ; sinon, n'y accédez que par un VPN, jamais par un port ouvert sur la box.", "Turn remote desktop off if it is not used; otherwise reach it only through a VPN, never through a port opened on the router.";
    SysFixOrthanc => "Dans la configuration d'Orthanc : \"AuthenticationEnabled\": true, un compte nominatif avec un mot de passe long (retirez alice), \"DicomAlwaysAllowFind/Get/Move\": false, \"DicomCheckCalledAet\": true, les appareils listés dans \"DicomModalities\" avec \"DicomCheckModalityHost\": true. Demandez-le à votre intégrateur.",
        "In Orthanc's configuration: \"AuthenticationEnabled\": true, a named account with a long password (remove alice), \"DicomAlwaysAllowFind/Get/Move\": false, \"DicomCheckCalledAet\": true, the devices listed in \"DicomModalities\" with \"DicomCheckModalityHost\": true. Ask your integrator.";
    SysFixRemoteTools => "Ne lancez l'outil de prise en main qu'au moment de l'intervention, avec votre accord à chaque fois ; désactivez l'accès sans surveillance.", "Start the remote-maintenance tool only for the intervention, with your consent each time; turn unattended access off.";
    SysFixCloudSync => "Ne mettez pas de données de patients dans ces dossiers, sauf chez un hébergeur certifié HDS avec contrat ; l'analyse des dossiers de Vigie signale les images qui s'y trouvent.", "Do not put patients' data in these folders, unless with an HDS-certified host under contract; Vigie's folder scan flags the images found there.";
    SysFixExposure => "Un serveur qui accepte n'importe qui : activez l'authentification (Orthanc : voir sa configuration), limitez les appelants DICOM aux appareils connus, et vérifiez qu'aucun port de la box ne mène à ce PC.", "A server that accepts anyone: turn authentication on (Orthanc: see its configuration), limit DICOM callers to known devices, and check that no port of the router leads to this PC.";
    SysFixUpnp => "Supprimez les redirections qui ne servent pas dans la page de la box et coupez l'UPnP si rien n'en a besoin.", "Remove unused forwards in the router's page and turn UPnP off if nothing needs it.";
    SysRun => "Lancer les contrôles", "Run the checks";
    SysRerun => "Relancer les contrôles", "Run the checks again";
    SysRunning => "Contrôles en cours…", "Checks running…";
    SysNever => "Aucun contrôle du PC n'a encore été fait.", "No PC check has been run yet.";
    SysDetails => "Détail technique", "Technical detail";
    SysProposalsTitle => "Réponses proposées à la liste de contrôle", "Answers proposed to the checklist";
    SysProposalsIntro => "D'après ces contrôles, Vigie propose des réponses à la liste de contrôle. Confirmez-les ou corrigez-les : c'est vous qui répondez.",
        "From these checks, Vigie proposes answers to the checklist. Confirm or correct them: you are the one who answers.";
    SysConfirm => "Confirmer", "Confirm";
    SysCorrect => "Corriger dans la liste", "Correct in the checklist";
    SysConfirmed => "Réponse confirmée", "Answer confirmed";
    ScanStateArchived => "ARCHIVÉ", "ARCHIVED";
    PlanMarkDone => "Marquer l'action comme faite", "Mark the action as done";
    ScanReportArchives => "Fichiers archivés depuis l'analyse", "Files archived since the scan";
    SysNetworkTitle => "Mon serveur d'images est-il ouvert à tous ?", "Is my imaging server open to anyone?";
    SysProbeStart => "Frapper à la porte de mes serveurs", "Knock on my servers";
    SysUpnpStart => "Demander la liste à la box", "Ask the router for the list";
    SysUpnpTitle => "Ports ouverts par la box (UPnP)", "Ports opened by the router (UPnP)";
    SysGoAhead => "J'ai compris, lancer", "Understood, go ahead";
    SysBack => "Annuler", "Cancel";
    SysDashboardNever => "Contrôles du PC : pas encore faits.", "PC checks: not run yet.";
    SysDashboardOpen => "Voir les contrôles du PC", "See the PC checks";
    NavSystem => "Contrôles du PC", "PC checks";
    EventSystemChecked => "Contrôles du PC faits", "PC checks run";
    EventRegisterEdited => "Registre des traitements modifié", "Record of processing edited";
    ErrNoSuchProcessor => "Ce sous-traitant n’existe pas (ou plus). Rien n’a été modifié.", "There is no such processor (any more). Nothing was changed.";
    ErrProcessorName => "Donnez un nom au sous-traitant. Rien n’a été modifié.", "Give the processor a name. Nothing was changed.";
    EventProcessorsEdited => "Sous-traitants modifiés", "Processors edited";
    RegisterDocTitle => "Registre des activités de traitement", "Record of processing activities";
    NoticeDocTitle => "Information des patients sur leurs données", "Patient information notice";
    ProcessorsDocTitle => "Sous-traitants et contrats (article 28 du RGPD)", "Processors and contracts (GDPR article 28)";
    ProcessorsIntro => "Chaque prestataire qui traite des données du cabinet pour son compte : ce qu'il traite, sa certification d'hébergeur de données de santé (HDS) s'il en conserve, et les clauses que l'article 28 du RGPD impose au contrat, cochées par le cabinet à la lecture du contrat. Une clause « Je ne sais pas » compte comme absente.", "Each provider that processes the practice's data on its behalf: what it processes, its health-data hosting (HDS) certification if it keeps such data, and the clauses GDPR article 28 requires in the contract, ticked by the practice from the contract. A clause marked \"Don't know\" counts as absent.";
    ProcessorsNone => "Aucun sous-traitant : le profil n'en nomme aucun et aucun n'a été ajouté.", "No processor: the profile names none and none was added.";
    ProcessorKindLabel => "Type", "Kind";
    ProcessorProcesses => "Ce qu'il traite", "What it processes";
    ProcessorHostsData => "Données de santé gardées", "Keeps health data";
    ProcessorHds => "Certificat HDS", "HDS certificate";
    ProcessorContract => "Contrat", "Contract";
    ProcessorNoContract => "non joint", "not attached";
    ProcessorNote => "Note", "Note";
    ProcessorLetterTitle => "Courrier au sous-traitant", "Letter to the processor";
    ErrProcessorNumberMissing => "indiquez le sous-traitant avec --processor N (son numéro dans la liste des sous-traitants, à partir de 1)", "give the processor with --processor N (its number in the processors' list, from 1)";
    ReminderFirstAssessment => "Vigie : signer la première auto-évaluation de sécurité", "Vigie: sign the first security self-assessment";
    ReminderRestoreNever => "Vigie : tester la restauration d'une sauvegarde (aucun test noté dans la liste de contrôle)", "Vigie: test restoring a backup (no test noted in the checklist)";
    ReminderOverdue => "En retard", "Overdue";
    ReminderSoon => "Bientôt", "Soon";
    ReminderLater => "Plus tard", "Later";
    RemindersCalendarName => "Vigie — rappels du cabinet", "Vigie — practice reminders";
    ReminderOpenVigie => "Ouvrez Vigie pour le détail.", "Open Vigie for the details.";
    IcsFileFilter => "Calendrier (.ics)", "Calendar (.ics)";
    RemindersTitle => "Rappels", "Reminders";
    RemindersNone => "Aucun rappel dans les 30 prochains jours.", "No reminder in the next 30 days.";
    RemindersExport => "Exporter les rappels (.ics)…", "Export the reminders (.ics)…";
    RemindersExportHint => "Un fichier calendrier à importer dans l'agenda de votre choix (Outlook, Thunderbird, Google Agenda, Calendrier d'Apple) : sans compte, sans réseau, sans donnée de patient.", "A calendar file to import into the calendar of your choice (Outlook, Thunderbird, Google Calendar, Apple Calendar): no account, no network, no patient data.";
    RegisterToProcessors => "Sous-traitants : contrats, clauses et certificats HDS…", "Processors: contracts, clauses and HDS certificates…";
    NavProcessors => "Sous-traitants", "Processors";
    ProcessorName => "Nom", "Name";
    ProcessorHostsFromProfile => "D'après le profil du cabinet.", "From the practice's profile.";
    ProcessorActivities => "Activités du registre qu'il sert :", "Register activities it serves:";
    ProcessorActivitiesFromProfile => "D'après le profil du cabinet ; le registre le nomme dans ces activités.", "From the practice's profile; the register names it in these activities.";
    ProcessorActivitiesChosen => "Choisies par vous ; le registre le nomme dans ces activités.", "Chosen by you; the register names it in these activities.";
    ProcessorNoActivity => "Aucune activité cochée : le registre ne le nomme nulle part. Cochez celles qu'il sert.", "No activity ticked: the register names it nowhere. Tick those it serves.";
    ProcessorHdsNumber => "N° du certificat HDS", "HDS certificate no.";
    ProcessorHdsExpires => "Date d'expiration (jj/mm/aaaa)", "Expiry date (dd/mm/yyyy)";
    ProcessorHdsDateError => "Cette date ne se lit pas : jj/mm/aaaa. Rien n'est enregistré tant qu'elle ne se lit pas.", "This date does not read: dd/mm/yyyy. Nothing is saved until it reads.";
    ProcessorAttach => "Joindre le contrat…", "Attach the contract…";
    ProcessorDetach => "Retirer", "Remove";
    ProcessorLetterButton => "Courrier pour demander ce qui manque (PDF)", "Letter asking for what is missing (PDF)";
    ProcessorRemove => "Retirer de la liste", "Remove from the list";
    ProcessorRestore => "Remettre", "Put back";
    ProcessorAddHeading => "Ajouter un sous-traitant", "Add a processor";
    ProcessorNewName => "Nom du sous-traitant", "The processor's name";
    ProcessorAddButton => "Ajouter", "Add";
    ProcessorsExportPdf => "Liste des sous-traitants (PDF)", "List of processors (PDF)";
    ProcessorNothingMissing => "Rien ne manque pour ce sous-traitant : aucun courrier à lui envoyer.", "Nothing is missing for this processor: no letter to send.";
    RegisterIntro => "Registre tenu au titre de l’article 30 du RGPD. Les textes préremplis suivent le référentiel de la CNIL pour la gestion des cabinets médicaux et paramédicaux (délibération n° 2020-081 du 18 juin 2020) et le profil du cabinet ; ceux marqués « à confirmer » n’ont pas pu être vérifiés dans le texte du référentiel et restent à compléter par le cabinet.",
        "Record kept under article 30 of the GDPR. The pre-filled texts follow the CNIL's reference framework for the management of medical and paramedical practices (délibération n° 2020-081 of 18 June 2020) and the practice's profile; those marked \"to be confirmed\" could not be checked against the framework's text and are for the practice to complete.";
    RegisterController => "Responsable", "Controller";
    RegisterSecurity => "Mesures de sécurité (liste de contrôle)", "Security measures (checklist)";
    RegisterSources => "Sources", "Sources";
    RegisterEditedMark => "modifié par le cabinet", "edited by the practice";
    RegisterDpiaHeading => "Analyse d’impact (AIPD)", "Impact assessment (DPIA)";
    // ---- The inspection binder ----------------------------------------------------------------------
    BinderScanHeading => "DERNIÈRE ANALYSE DES DOSSIERS (chiffres seulement)", "LAST FOLDER SCAN (figures only)";
    BinderNoScan => "Aucune analyse des dossiers n'est enregistrée dans le coffre.", "No folder scan is recorded in the vault.";
    BinderScanCancelled => "L'analyse a été arrêtée avant la fin : ses chiffres sont partiels.", "The scan was stopped before the end: its figures are partial.";
    BinderRecordAttested => "C'est l'enregistrement que la dernière auto-évaluation signée atteste par son empreinte (champ witnessed).", "This is the record the last signed assessment witnesses by its digest (field witnessed).";
    BinderRecordNotAttested => "La dernière auto-évaluation signée n'atteste pas cet enregistrement (fait depuis, ou aucune signature ne le couvre).", "The last signed assessment does not witness this record (made since, or no signature covers it).";
    BinderNoNames => "Aucun nom de fichier ni de dossier n'est écrit ici : ils désignent souvent des patients.", "No file or folder name is written here: they often name patients.";
    BinderChecksHeading => "DERNIERS CONTRÔLES DU PC (verdicts seulement)", "LAST PC CHECKS (verdicts only)";
    BinderNoChecks => "Aucun contrôle du PC n'est enregistré dans le coffre.", "No PC check is recorded in the vault.";
    BinderNoScore => "pas de score", "no score";
    BinderRegisterNotFrozen => "Registre des traitements : l'une des deux auto-évaluations a été signée avant que le registre y soit figé ; pas de comparaison.", "Record of processing activities: one of the two assessments was signed before the register was frozen in it; no comparison.";
    BinderRegisterSame => "Registre des traitements : inchangé.", "Record of processing activities: unchanged.";
    BinderComparisonHeading => "ÉVOLUTION ENTRE LES DEUX DERNIÈRES AUTO-ÉVALUATIONS SIGNÉES", "CHANGES BETWEEN THE LAST TWO SIGNED ASSESSMENTS";
    BinderNoComparison => "Il faut deux auto-évaluations signées pour les comparer ; le coffre en a moins.", "Two signed assessments are needed to compare them; the vault holds fewer.";
    BinderRegisterChangedSince => "Le registre ou les sous-traitants ont été modifiés dans Vigie depuis cette signature : les PDF du classeur sont la version signée ; signez une nouvelle auto-évaluation pour couvrir les modifications.", "The register or the processors have been changed in Vigie since that signature: the binder's PDFs are the signed version; sign a new assessment to cover the changes.";
    BinderRegisterNotSigned => "Le registre des traitements et les sous-traitants ne sont couverts par aucune signature : aucune auto-évaluation signée ne les a figés (aucune signée, ou signée avant que Vigie les fige). Les PDF sont ceux d'aujourd'hui ; signez une auto-évaluation pour les figer.", "The record of processing activities and the processors are covered by no signature: no signed assessment froze them (none signed, or signed before Vigie froze them). The PDFs are today's; sign an assessment to freeze them.";
    BinderTocRegister => "Registre des activités de traitement (RGPD art. 30) et déclaration sur l'analyse d'impact", "Record of processing activities (GDPR art. 30) and the statement on the impact assessment";
    BinderTocNoticeA4 => "Information des patients, affiche A4 (RGPD art. 13, CSP L.1111-8)", "Patients' notice, A4 poster (GDPR art. 13, CSP L.1111-8)";
    BinderTocNoticeA5 => "Information des patients, feuillet A5", "Patients' notice, A5 leaflet";
    BinderTocDpia => "Analyse d'impact (RGPD art. 35) : pourquoi elle n'est pas requise, ou qu'elle l'est", "Impact assessment (GDPR art. 35): why it is not required, or that it is";
    BinderTocSigned => "La dernière auto-évaluation signée, telle que signée : document, signatures, allowed_signers, rapport, fichier .vigie-assessment, pièces jointes", "The last signed assessment, as signed: document, signatures, allowed_signers, report, .vigie-assessment file, evidence";
    BinderTocBreaches => "Le registre des violations de données (RGPD art. 33(5)), vérifiable sans Vigie", "The register of personal data breaches (GDPR art. 33(5)), checkable without Vigie";
    BinderTocScan => "La dernière analyse des dossiers, en chiffres", "The last folder scan, in figures";
    BinderTocChecks => "Les derniers contrôles du PC, en verdicts", "The last PC checks, as verdicts";
    BinderTocComparison => "Ce qui a changé entre les deux dernières auto-évaluations signées", "What changed between the last two signed assessments";
    BinderTocTitle => "CLASSEUR D'INSPECTION — SOMMAIRE", "INSPECTION BINDER — TABLE OF CONTENTS";
    BinderTocAbsent => "(absent : rien de tel dans le coffre)", "(absent: nothing of the kind in the vault)";
    BinderTocHowto => "Comment vérifier ce classeur", "How to check this binder";
    BinderTocSums => "L'empreinte SHA-256 de chaque fichier, pour sha256sum -c", "Every file's SHA-256, for sha256sum -c";
    BinderHowtoNoSigned => "Aucune auto-évaluation signée n'est dans ce classeur : rien n'y est couvert par la signature du médecin, hormis la tête du registre des violations si elle est signée.", "No signed assessment is in this binder: nothing in it is covered by the doctor's signature, except the breach register's head if it is signed.";
    BinderProcessorsNotFrozen => "Sous-traitants : l'une des deux auto-évaluations a été signée avant qu'ils y soient figés ; pas de comparaison.", "Processors: one of the two assessments was signed before they were frozen in it; no comparison.";
    BinderProcessorsSame => "Sous-traitants : inchangés.", "Processors: unchanged.";
    BinderProcessorAdded => "sous-traitant ajouté", "processor added";
    BinderProcessorRemoved => "sous-traitant retiré", "processor removed";
    BinderProcessorHds => "certificat HDS modifié (numéro ou échéance)", "HDS certificate changed (number or expiry)";
    BinderProcessorClauses => "clauses de l'article 28 relues différemment", "art. 28 clauses read differently";
    BinderProcessorContract => "contrat joint modifié", "attached contract changed";
    BinderProcessorFacts => "ce qu'il traite, l'hébergement de données de santé ou la note a changé", "what it processes, the hosting of health data or the note changed";
    ProcessorsProcesses => "Ce qu'il traite", "What it processes";
    ProcessorsHostsHealth => "Données de santé", "Health data";
    ProcessorsHostsYes => "hébergées chez lui", "hosted by it";
    ProcessorsHostsNo => "pas hébergées chez lui", "not hosted by it";
    HdsNoNumber => "numéro non renseigné", "number not given";
    HdsNoExpiry => "échéance non renseignée", "expiry not given";
    ProcessorsHds => "Certificat HDS", "HDS certificate";
    ProcessorsClauses => "Clauses de l'article 28 dans le contrat", "Art. 28 clauses in the contract";
    ProcessorsContract => "Contrat joint", "Contract attached";
    ProcessorsNoContract => "aucun contrat joint", "no contract attached";
    ProcessorsNote => "Note", "Note";
    HdsNotNeeded => "pas nécessaire (n'héberge pas de données de santé)", "not needed (hosts no health data)";
    HdsToCheck => "à vérifier (hébergement de données de santé non renseigné)", "to check (hosting of health data not given)";
    HdsMissing => "manquant", "missing";
    HdsIncomplete => "incomplet (numéro ou échéance manquant)", "incomplete (number or expiry missing)";
    HdsValid => "valide", "valid";
    HdsExpiresSoon => "expire bientôt", "expires soon";
    HdsExpired => "expiré", "expired";
    BinderTocProcessors => "Les sous-traitants (RGPD art. 28) : clauses, certificat HDS, contrat", "The processors (GDPR art. 28): clauses, HDS certificate, contract";
    BinderTocContracts => "Les contrats joints des sous-traitants, chacun nommé par son SHA-256", "The processors' attached contracts, each named by its SHA-256";
    BinderExportButton => "Exporter le classeur d'inspection…", "Export the inspection binder…";
    BinderExportHint => "Un dossier avec tout ce que la CNIL demande : le registre (celui figé dans la dernière auto-évaluation signée), l'information des patients, l'analyse d'impact, l'auto-évaluation signée, le registre des violations, les résumés de l'analyse et des contrôles, un sommaire, SHA256SUMS et HOW-TO-VERIFY. Dans un dossier qui contient déjà des fichiers, il est écrit dans un sous-dossier nouveau, à la date du jour.", "A folder with everything the CNIL asks for: the register (the one frozen in the last signed assessment), the patients' notice, the impact assessment, the signed assessment, the breach register, the summaries of the scan and the checks, a table of contents, SHA256SUMS and HOW-TO-VERIFY. In a folder that already holds files, it is written into a new subfolder named after the day.";
    BinderComparisonWindow => "Évolution entre les deux dernières auto-évaluations signées", "Changes between the last two signed assessments";

    JobSystemCheck => "les contrôles du PC", "the PC checks";
    JobBoxCheck => "la lecture des règles de la box", "the reading of the router's rules";
    SysOrthancPick => "Indiquer le fichier de configuration d'Orthanc…", "Point to Orthanc's configuration file…";
    SysCliNoProbe => "Les contrôles par le réseau (serveur d'images, box) n'ont lieu qu'à la demande : --probe-network.", "The network checks (image server, router) run only on request: --probe-network.";
    // ---- Window polish (file dialogs, layout, forms, welcome back, settings) ------------------------
    FdOpenTitle => "Choisir un fichier", "Choose a file";
    FdSaveTitle => "Enregistrer sous", "Save as";
    FdFolderTitle => "Choisir un dossier", "Choose a folder";
    FdWhy => "La fenêtre de choix de fichier du système n'est pas disponible sur cet ordinateur : Vigie affiche la sienne.", "The system's file chooser is not available on this computer: Vigie shows its own.";
    FdFolder => "Dossier", "Folder";
    FdGo => "Aller", "Go";
    FdUp => "↑ Dossier parent", "↑ Parent folder";
    FdHome => "Dossier personnel", "Home folder";
    FdDocuments => "Documents", "Documents";
    FdDesktop => "Bureau", "Desktop";
    FdRoot => "Racine du disque", "Disk root";
    FdLoading => "Lecture du dossier…", "Reading the folder…";
    FdEmpty => "Rien à choisir dans ce dossier.", "Nothing to choose in this folder.";
    FdListingFailed => "Le dossier n'a pas pu être lu.", "The folder could not be read.";
    FdFileName => "Nom du fichier", "File name";
    FdChoose => "Choisir", "Choose";
    FdSave => "Enregistrer", "Save";
    FdChooseFolder => "Choisir ce dossier", "Choose this folder";
    FdReplace => "Remplacer", "Replace";
    FdPickAFile => "Choisissez un fichier dans la liste.", "Choose a file in the list.";
    FdNoName => "Donnez un nom au fichier.", "Give the file a name.";
    FdNotAName => "Un nom de fichier ne contient ni « / » ni « \\ ».", "A file name contains neither “/” nor “\\”.";
    FdIsFolder => "Un dossier porte déjà ce nom : choisissez un autre nom.", "A folder already has this name: choose another name.";
    FdNewFolder => "Nouveau dossier…", "New folder…";
    FdNewFolderName => "Nom du nouveau dossier", "Name of the new folder";
    FdCreateFolder => "Créer le dossier", "Create the folder";
    FdNoFolderName => "Donnez un nom au dossier.", "Give the folder a name.";
    FdNameTaken => "Ce dossier contient déjà un élément de ce nom : choisissez un autre nom.", "This folder already holds something of that name: choose another name.";
    RevealNoProgram => "aucun programme pour ouvrir les dossiers n'est installé sur cet ordinateur (xdg-open, gio). Ouvrez-le depuis votre gestionnaire de fichiers.", "no program to open folders is installed on this computer (xdg-open, gio). Open it from your file manager.";
    RevealNoFileManager => "cet ordinateur n'a pas de gestionnaire de fichiers pour afficher les dossiers. Ouvrez ce dossier vous-même, à l'adresse indiquée.", "this computer has no file manager to show folders. Open this folder yourself, at the address shown.";
    ScanReportByFolder => "Par dossier analysé", "By folder scanned";
    ScanReportIdentifyingShort => "Identif.", "Identif.";
    ScanReportSubfolders => "Dossiers concernés", "Folders concerned";
    ScanReportNoNames => "Ce rapport ne nomme aucun fichier ni sous-dossier : leurs noms sont souvent ceux des patients. La liste complète reste dans le coffre et dans la fenêtre de Vigie (Analyse des dossiers).", "This report names no file and no sub-folder: their names are often those of patients. The full list stays in the vault and in Vigie's window (Folder scan).";
    ScanReportInternalHeader => "USAGE INTERNE — liste complète : ces noms de fichiers peuvent identifier des patients ; ne pas transmettre", "INTERNAL USE — full list: these file names may identify patients; do not pass on";
    ScanReportInternalWarning => "Liste complète (usage interne) : les chemins ci-dessous peuvent contenir des noms de patients. Ne transmettez pas ce document hors du cabinet ; pour le DPO ou un contrôle, exportez le rapport par dossier.", "Full list (internal use): the paths below may contain patients' names. Do not pass this document on outside the practice; for the DPO or an audit, export the report by folder.";
    ScanReportFullList => "Liste complète (usage interne) : inclure les noms des fichiers", "Full list (internal use): include the file names";
    ScanReportFullListHint => "Les noms de fichiers et de dossiers nomment souvent les patients : ne cochez que pour un usage au cabinet.", "File and folder names often name patients: tick only for use within the practice.";
    ProfileNotLeft => "Le profil n'est pas enregistré : corrigez les champs signalés en rouge, ou annulez vos modifications, avant de changer de page.", "The profile is not saved: correct the fields marked in red, or undo your changes, before changing page.";
    ProfileRevert => "Annuler les modifications", "Undo the changes";
    NewRecoveryCodeHeading => "Nouveau code de secours", "New recovery code";
    NewRecoveryCodeHelp => "Si la feuille du code de secours est perdue ou a été vue, faites-en un nouveau : l'ancien code n'ouvrira plus le coffre. Les sauvegardes déjà faites s'ouvrent encore avec l'ancien.", "If the recovery code's sheet is lost or was seen, make a new one: the old code will no longer open the vault. Backups made before still open with the old one.";
    NewRecoveryCodePassphrase => "Phrase de passe actuelle (pour confirmer)", "Current passphrase (to confirm)";
    NewRecoveryCodeButton => "Faire un nouveau code de secours", "Make a new recovery code";
    NewRecoveryCodeShown => "Votre nouveau code de secours (affiché une seule fois : notez-le et rangez-le en lieu sûr) :", "Your new recovery code (shown once only: write it down and keep it somewhere safe):";
    NewRecoveryCodeNoted => "Je l'ai noté et rangé en lieu sûr", "I have written it down and put it away";
    NewRecoveryCodeDone => "Nouveau code de secours enregistré : l'ancien n'ouvre plus le coffre.", "New recovery code saved: the old one no longer opens the vault.";
    CopyVaultHeading => "Copier le coffre sur une clé USB", "Copy the vault to a USB stick";
    CopyVaultHelp => "Une sauvegarde hors de l'ordinateur : le coffre et ses sauvegardes sont copiés dans un nouveau dossier de la clé, puis relus et vérifiés. La copie reste chiffrée : la même phrase de passe l'ouvre. Rangez la clé ailleurs qu'à côté de l'ordinateur.", "A backup away from the computer: the vault and its backups are copied into a new folder on the stick, then read back and checked. The copy stays encrypted: the same passphrase opens it. Keep the stick somewhere other than next to the computer.";
    CopyVaultButton => "Copier le coffre sur une clé USB…", "Copy the vault to a USB stick…";
    CopyingVault => "Copie et vérification en cours…", "Copying and checking…";
    CopyWaitSave => "Un enregistrement est en cours : recommencez la copie dans un instant, pour copier le coffre à jour.", "A save is in progress: start the copy again in a moment, to copy the vault up to date.";
    JobCopyVault => "la copie du coffre", "the copy of the vault";
    JobShowFolder => "l'ouverture du dossier", "the opening of the folder";
    JobScan => "l'analyse des dossiers", "the folder scan";
    JobListFolder => "la lecture du dossier", "the reading of the folder";
    JobCheckSignedHead => "la comparaison du registre avec l'auto-évaluation signée", "the comparison of the register with the signed self-assessment";
    JobOrderScanTable => "la mise en ordre du tableau des résultats", "the ordering of the results table";
    ScanOrdering => "Mise en ordre des résultats…", "Putting the results in order…";
    JobFindVaultPath => "la recherche d'un nom de fichier libre pour le coffre", "the search for a free file name for the vault";
    FindingVaultPath => "Recherche d'un nom de fichier libre…", "Looking for a free file name…";
    JobRecordScan => "l'enregistrement des résultats de l'analyse", "the recording of the scan's results";
    RevealGone => "ce dossier n'existe plus (déplacé, supprimé, ou sur une clé débranchée).", "this folder no longer exists (moved, deleted, or on an unplugged stick).";
}

typed_texts! {
    fn err_settings_save(detail) => "Les préférences n'ont pas pu être enregistrées. {detail}", "The preferences could not be saved. {detail}";
    fn err_newer_schema(found: num, supported: num) => "Ce coffre a été enregistré par une version plus récente de Vigie (contenu en version {found} ; cette version lit jusqu'à la version {supported}). Mettez Vigie à jour pour l'ouvrir.",
        "This vault was saved by a newer Vigie (contents version {found}; this version reads up to version {supported}). Update Vigie to open it.";
    fn scan_failed_kept(found: num) => "Une erreur interne a interrompu l'analyse. Ce qu'elle avait trouvé jusque-là ({found} fichiers) est gardé et enregistré dans le coffre ; relancez l'analyse pour examiner le reste. Si cela se reproduit, signalez-le à votre prestataire (Réglages, « Ouvrir le dossier des journaux »).",
        "An internal error stopped the scan. What it had found until then ({found} files) is kept and saved in the vault; start the scan again to look at the rest. If it happens again, report it to your IT provider (Settings, \"Open the log folder\").";
    fn scan_internal_errors(count: count) =>
        { one: "Résultats enregistrés dans le coffre. {count} fichier n'a pas pu être examiné à cause d'une erreur interne de Vigie : il est compté parmi les chemins illisibles ; relancez l'analyse, et si cela se reproduit, signalez-le à votre prestataire.",
          other: "Résultats enregistrés dans le coffre. {count} fichiers n'ont pas pu être examinés à cause d'une erreur interne de Vigie : ils sont comptés parmi les chemins illisibles ; relancez l'analyse, et si cela se reproduit, signalez-le à votre prestataire." },
        { one: "Results saved in the vault. {count} file could not be examined because of an internal error in Vigie: it is counted among the unreadable paths; scan again, and if it happens again, report it to your IT provider.",
          other: "Results saved in the vault. {count} files could not be examined because of an internal error in Vigie: they are counted among the unreadable paths; scan again, and if it happens again, report it to your IT provider." };
    fn err_job_failed(what) => "Une erreur interne a interrompu {what}. Rien n'a été perdu : ce qui était enregistré l'est toujours, et ce qui est à l'écran est gardé. Réessayez ; si cela se reproduit, signalez-le à votre prestataire.",
        "An internal error stopped {what}. Nothing was lost: what was saved still is, and what is on screen is kept. Try again; if it happens again, report it to your IT provider.";
    // ---- Application and recovery code ----------------------------------------------------------------
    fn version(v) => "Version {v}", "Version {v}";
    fn open_this_vault(name) => "Ouvrir {name}", "Open {name}";
    fn strength_label(level) => "Solidité : {level}", "Strength: {level}";
    fn saved_to(path) => "Enregistré : {path}", "Saved: {path}";
    fn recovery_doc_practice(name) => "Cabinet : {name}", "Practice: {name}";
    fn recovery_doc_created(date) => "Créé le : {date}", "Created on: {date}";
    fn recovery_doc_vault(path) => "Fichier du coffre : {path}", "Vault file: {path}";
    fn recovery_doc_footer(v) => "Document produit par Vigie {v}", "Document produced by Vigie {v}";

    // ---- Unlock, frame, dashboard ---------------------------------------------------------------------
    fn locked_after_idle(n: count) =>
        { one: "Le coffre a été verrouillé après {n} minute sans activité.", other: "Le coffre a été verrouillé après {n} minutes sans activité." },
        { one: "The vault was locked after {n} minute without activity.", other: "The vault was locked after {n} minutes without activity." };
    fn demo_passphrase_shown(passphrase) => "Cabinet de démonstration : la phrase de passe est « {passphrase} ».",
        "Demo practice: the passphrase is \"{passphrase}\".";
    fn demo_banner(passphrase) => "Cabinet de démonstration, fictif. Phrase de passe : « {passphrase} »",
        "Fictional demo practice. Passphrase: \"{passphrase}\"";
    fn save_failed(error) => "L'enregistrement a échoué : {error}", "Saving failed: {error}";
    fn vault_format_value(v) => "version {v}, AES-256-GCM, clé dérivée par Argon2id",
        "version {v}, AES-256-GCM, key derived with Argon2id";
    fn backups_count(n: count) =>
        { one: "{n} version précédente gardée à côté du fichier", other: "{n} versions précédentes gardées à côté du fichier" },
        { one: "{n} previous version kept beside the file", other: "{n} previous versions kept beside the file" };
    fn auto_lock_after(n: num) => "après {n} min sans activité", "after {n} min without activity";
    fn profile_incomplete(fields) => "Profil à compléter : {fields}.", "Profile to complete: {fields}.";

    // ---- Checklist, actions, reports ------------------------------------------------------------------
    fn progress_answered(answered: count, total: num) =>
        { one: "{answered} réponse sur {total}", other: "{answered} réponses sur {total}" },
        "{answered} of {total} answered";
    fn score_overall(score) => "Score global : {score} %", "Overall score: {score}%";
    fn theme_score(score) => "Score du thème : {score} %", "Theme score: {score}%";
    fn box_admin_page(address) => "Page d'administration : {address}", "Administration page: {address}";
    fn evidence_line(name, size, date, hash) => "{name} · {size} · ajouté le {date} · SHA-256 {hash}…",
        "{name} · {size} · added on {date} · SHA-256 {hash}…";
    fn err_evidence_too_large(size, max) => "Ce fichier fait {size} ; une pièce est limitée à {max}. Joignez une capture d'écran ou un PDF plus léger.",
        "This file is {size}; evidence is limited to {max} per file. Attach a screenshot or a lighter PDF.";
    fn answered_by(who, date) => "Répondu par : {who}, le {date}", "Answered by: {who}, on {date}";
    fn not_applicable_because(reason) => "Ne concerne pas votre cabinet : {reason}", "Does not concern your practice: {reason}";
    fn priority_label(n) => "Importance {n}/3", "Importance {n}/3";
    fn sources_label(sources) => "Sources : {sources}", "Sources: {sources}";
    fn exported_to(path) => "PDF enregistré : {path}", "PDF saved: {path}";
    fn due_on(date) => "pour le {date}", "due {date}";
    fn report_page(n: num, total: num) => "Page {n} / {total}", "Page {n} / {total}";
    fn report_generated(v, date) => "Produit par Vigie {v} le {date}", "Produced by Vigie {v} on {date}";
    fn report_evidence_ref(name, hash) => "Pièce : {name} (SHA-256 {hash}…)", "Evidence: {name} (SHA-256 {hash}…)";
    fn cli_exported(path) => "PDF écrit : {path}", "PDF written: {path}";
    /// `answers`, `evidence` and `actions` are [`answers_count`], [`evidence_count`], [`actions_count`].
    fn cli_check_checklist(answers, evidence, actions) => "Liste de contrôle : {answers}, {evidence}, {actions}",
        "Checklist: {answers}, {evidence}, {actions}";
    fn answers_count(n: count) => { one: "{n} réponse", other: "{n} réponses" }, { one: "{n} answer", other: "{n} answers" };
    fn evidence_count(n: count) => { one: "{n} pièce", other: "{n} pièces" },
        { one: "{n} evidence file", other: "{n} evidence files" };
    fn actions_count(n: count) => { one: "{n} action", other: "{n} actions" }, { one: "{n} action", other: "{n} actions" };

    // ---- Scanner --------------------------------------------------------------------------------------
    /// `files`, `dirs` and `errors` are [`files_count`], [`dirs_count`] and [`scan_errors_count`]; `secs`
    /// a number written by `locale::format_number`.
    fn scan_summary_line(files, dirs, secs, errors) => "{files} et {dirs} examinés en {secs} s ; {errors}.",
        "{files} and {dirs} examined in {secs} s; {errors}.";
    fn files_count(n: count) => { one: "{n} fichier", other: "{n} fichiers" }, { one: "{n} file", other: "{n} files" };
    fn dirs_count(n: count) => { one: "{n} dossier", other: "{n} dossiers" }, { one: "{n} folder", other: "{n} folders" };
    fn scan_findings_line(n: count, high: num, medium: num, low: num, none: num) =>
        { one: "{n} fichier trouvé : risque élevé {high}, moyen {medium}, faible {low}, chiffrés {none}.",
          other: "{n} fichiers trouvés : risque élevé {high}, moyen {medium}, faible {low}, chiffrés {none}." },
        { one: "{n} file found: high risk {high}, medium {medium}, low {low}, encrypted {none}.",
          other: "{n} files found: high risk {high}, medium {medium}, low {low}, encrypted {none}." };
    fn kind_zip_dicom(n: count) =>
        { one: "archive zip avec {n} fichier DICOM", other: "archive zip avec {n} fichiers DICOM" },
        { one: "zip archive with {n} DICOM file", other: "zip archive with {n} DICOM files" };
    fn kind_image_export(format) => "export d'image ({format})", "image export ({format})";
    fn kind_encrypted(format) => "conteneur chiffré ({format})", "encrypted container ({format})";
    fn flag_identifies(fields) => "identifie le patient ({fields})", "identifies the patient ({fields})";
    fn flag_cloud(service) => "dossier synchronisé ({service})", "synced folder ({service})";
    fn scan_plain_high(n: count) =>
        { one: "{n} fichier d'imagerie identifie des patients et n'est pas protégé : c'est la situation que la CNIL a sanctionnée en 2020. Rangez cette image dans le logiciel d'imagerie ou chiffrez-la (« Chiffrer ces fichiers… », ou le disque entier : BitLocker, FileVault), puis supprimez la copie.",
          other: "{n} fichiers d'imagerie identifient des patients et ne sont pas protégés : c'est la situation que la CNIL a sanctionnée en 2020. Rangez ces images dans le logiciel d'imagerie ou chiffrez-les (« Chiffrer ces fichiers… », ou le disque entier : BitLocker, FileVault), puis supprimez les copies." },
        { one: "{n} imaging file identifies patients and is not protected: this is what the CNIL fined in 2020. File this image in the imaging software or encrypt it (“Encrypt these files…”, or the whole disk: BitLocker, FileVault), then delete the copy.",
          other: "{n} imaging files identify patients and are not protected: this is what the CNIL fined in 2020. File these images in the imaging software or encrypt them (“Encrypt these files…”, or the whole disk: BitLocker, FileVault), then delete the copies." };
    fn scan_plain_high_no_software(n: count) =>
        { one: "{n} fichier d'imagerie identifie des patients et n'est pas protégé : c'est la situation que la CNIL a sanctionnée en 2020. Mettez-le dans une archive chiffrée (« Chiffrer ces fichiers… ») ou chiffrez le disque (BitLocker, FileVault) ; supprimez les copies devenues inutiles.",
          other: "{n} fichiers d'imagerie identifient des patients et ne sont pas protégés : c'est la situation que la CNIL a sanctionnée en 2020. Mettez-les dans une archive chiffrée (« Chiffrer ces fichiers… ») ou chiffrez le disque (BitLocker, FileVault) ; supprimez les copies devenues inutiles." },
        { one: "{n} imaging file identifies patients and is not protected: this is what the CNIL fined in 2020. Put it into an encrypted archive (“Encrypt these files…”) or encrypt the disk (BitLocker, FileVault); delete the copies no longer needed.",
          other: "{n} imaging files identify patients and are not protected: this is what the CNIL fined in 2020. Put them into an encrypted archive (“Encrypt these files…”) or encrypt the disk (BitLocker, FileVault); delete the copies no longer needed." };
    fn scan_plain_medium(n: count) =>
        { one: "{n} image anonymisée ou export d'image n'est pas chiffré : vérifiez qu'il ne montre ni nom ni date de naissance.",
          other: "{n} images anonymisées ou exports d'image ne sont pas chiffrés : vérifiez qu'ils ne montrent ni nom ni date de naissance." },
        { one: "{n} de-identified image or image export is not encrypted: check that it shows no name or birth date.",
          other: "{n} de-identified images or image exports are not encrypted: check that they show no name or birth date." };
    fn scan_plain_low(n: count) =>
        { one: "{n} fichier est sur un volume chiffré : risque faible.", other: "{n} fichiers sont sur un volume chiffré : risque faible." },
        { one: "{n} file is on an encrypted volume: low risk.", other: "{n} files are on an encrypted volume: low risk." };
    fn scan_plain_none(n: count) =>
        { one: "{n} conteneur chiffré trouvé : il est protégé.", other: "{n} conteneurs chiffrés trouvés : ils sont protégés." },
        { one: "{n} encrypted container found: it is protected.", other: "{n} encrypted containers found: they are protected." };
    fn scan_plain_cloud(n: count) =>
        { one: "{n} fichier est dans un dossier synchronisé avec un service en ligne (OneDrive, Dropbox…) : une copie existe hors du cabinet.",
          other: "{n} fichiers sont dans un dossier synchronisé avec un service en ligne (OneDrive, Dropbox…) : une copie existe hors du cabinet." },
        { one: "{n} file is in a folder synced with an online service (OneDrive, Dropbox…): a copy exists outside the practice.",
          other: "{n} files are in a folder synced with an online service (OneDrive, Dropbox…): a copy exists outside the practice." };
    fn scan_plain_removable(n: count) =>
        { one: "{n} fichier est sur un support amovible (clé USB, disque externe) : il peut se perdre.",
          other: "{n} fichiers sont sur un support amovible (clé USB, disque externe) : il peut se perdre." },
        { one: "{n} file is on a removable medium (USB stick, external disk): it can be lost.",
          other: "{n} files are on a removable medium (USB stick, external disk): it can be lost." };
    fn scan_plain_oldest(date) => "L'examen le plus ancien trouvé date du {date} : vérifiez qu'il doit encore être conservé.",
        "The oldest study found dates from {date}: check that it must still be kept.";
    fn scan_plain_errors(n: count) =>
        { one: "{n} chemin n'a pas pu être lu (droits insuffisants, fichier verrouillé) ; l'analyse a continué.",
          other: "{n} chemins n'ont pas pu être lus (droits insuffisants, fichier verrouillé) ; l'analyse a continué." },
        { one: "{n} path could not be read (no permission, file locked); the scan went on.",
          other: "{n} paths could not be read (no permission, file locked); the scan went on." };
    fn scan_progress(files: num, rate: num, elapsed, found: count) =>
        { one: "{files} fichiers examinés · {rate} fichiers/s · {elapsed} · {found} trouvé",
          other: "{files} fichiers examinés · {rate} fichiers/s · {elapsed} · {found} trouvés" },
        "{files} files examined · {rate} files/s · {elapsed} · {found} found";
    fn scan_current_folder(path) => "Dossier en cours : {path}", "Current folder: {path}";
    /// `secs` is a number written by `locale::format_number`.
    fn scan_last_run(date, files: count, secs) =>
        { one: "Analyse du {date} : {files} fichier examiné en {secs} s.", other: "Analyse du {date} : {files} fichiers examinés en {secs} s." },
        { one: "Scan of {date}: {files} file examined in {secs} s.", other: "Scan of {date}: {files} files examined in {secs} s." };
    fn scan_shown(shown: count, total: num) =>
        { one: "{shown} affiché sur {total}", other: "{shown} affichés sur {total}" },
        "{shown} shown of {total}";
    fn scan_not_kept(n: count) =>
        { one: "{n} autre fichier de risque inférieur a été compté mais pas conservé (au-delà de 100 000).",
          other: "{n} autres fichiers de risque inférieur ont été comptés mais pas conservés (au-delà de 100 000)." },
        { one: "{n} further file of lower risk was counted but not kept (beyond 100,000).",
          other: "{n} further files of lower risk were counted but not kept (beyond 100,000)." };
    fn scan_chosen(n: count) => { one: "{n} choisi", other: "{n} choisis" }, "{n} chosen";
    fn scan_dash_line(date, files: num, found: count) =>
        { one: "Dernière analyse le {date} : {files} fichiers examinés, {found} trouvé.",
          other: "Dernière analyse le {date} : {files} fichiers examinés, {found} trouvés." },
        "Last scan on {date}: {files} files examined, {found} found.";
    fn scan_dash_high(n: count) =>
        { one: "{n} fichier à risque élevé à traiter.", other: "{n} fichiers à risque élevé à traiter." },
        { one: "{n} high-risk file to deal with.", other: "{n} high-risk files to deal with." };
    fn scan_open_failed(path, detail) => "Impossible d'ouvrir le dossier {path} : {detail}", "Cannot open the folder {path}: {detail}";
    fn scan_errors_count(n: count) =>
        { one: "{n} chemin illisible", other: "{n} chemins illisibles" },
        { one: "{n} unreadable path", other: "{n} unreadable paths" };
    fn scan_history_line(date, files: count, high: num, medium: num, low: num, none: num) =>
        { one: "{date} · {files} fichier · élevé {high}, moyen {medium}, faible {low}, chiffrés {none}",
          other: "{date} · {files} fichiers · élevé {high}, moyen {medium}, faible {low}, chiffrés {none}" },
        { one: "{date} · {files} file · high {high}, medium {medium}, low {low}, encrypted {none}",
          other: "{date} · {files} files · high {high}, medium {medium}, low {low}, encrypted {none}" };
    fn scan_evidence_hint(date, high: num) => "Dernière analyse des dossiers : {date} ({high} à risque élevé).",
        "Last folder scan: {date} ({high} at high risk).";
    fn place_cloud(service) => "Dossier synchronisé {service}", "{service} synced folder";
    fn scan_plain_removed(n: count) =>
        { one: "{n} fichier trouvé a été mis dans une archive chiffrée vérifiée, puis son original supprimé : il n'est plus compté ci-dessous.",
          other: "{n} fichiers trouvés ont été mis dans une archive chiffrée vérifiée, puis leurs originaux supprimés : ils ne sont plus comptés ci-dessous." },
        { one: "{n} file found was put into a verified encrypted archive, then its original deleted: it is no longer counted below.",
          other: "{n} files found were put into a verified encrypted archive, then their originals deleted: they are no longer counted below." };
    fn scan_plain_archived_in_place(n: count) =>
        { one: "{n} fichier trouvé est dans une archive chiffrée vérifiée, mais son original est peut-être encore en place : il reste compté tant qu'il n'est pas supprimé.",
          other: "{n} fichiers trouvés sont dans une archive chiffrée vérifiée, mais leurs originaux sont peut-être encore en place : ils restent comptés tant qu'ils ne sont pas supprimés." },
        { one: "{n} file found is in a verified encrypted archive, but its original may still be in place: it stays counted until deleted.",
          other: "{n} files found are in a verified encrypted archive, but their originals may still be in place: they stay counted until deleted." };
    fn scan_archived_on(date) => "Archivé le {date}, original supprimé", "Archived on {date}, original deleted";
    fn scan_archived_kept(date) => "Archivé le {date} ; l'original est peut-être encore en place", "Archived on {date}; the original may still be in place";
    fn scan_report_archive_line(date, path, files: num, removed: num) => "Le {date} : archive chiffrée vérifiée « {path} », {files} fichiers ; originaux supprimés : {removed}.", "On {date}: verified encrypted archive “{path}”, {files} files; originals deleted: {removed}.";
    fn plan_done_by_archive(date, path, n: count) =>
        { one: "{n} image trouvée par l'analyse des dossiers a été mise le {date} dans l'archive chiffrée vérifiée « {path} » (jointe comme preuve à la liste de contrôle), et son original supprimé. L'action « images qui traînent » semble faite : confirmez-le.",
          other: "Les {n} images trouvées par l'analyse des dossiers ont été mises le {date} dans l'archive chiffrée vérifiée « {path} » (jointe comme preuve à la liste de contrôle), et leurs originaux supprimés. L'action « images qui traînent » semble faite : confirmez-le." },
        { one: "{n} image found by the folder scan was put on {date} into the verified encrypted archive “{path}” (attached as evidence to the checklist), and its original deleted. The “stray images” action looks done: confirm it.",
          other: "The {n} images found by the folder scan were put on {date} into the verified encrypted archive “{path}” (attached as evidence to the checklist), and their originals deleted. The “stray images” action looks done: confirm it." };
    fn sa_unanswered_warning(n: count, total: num) =>
        { one: "{n} question sur {total} qui concernent le cabinet n'a pas de réponse : elle sera signée « sans réponse » et listée comme telle dans le PDF.",
          other: "{n} questions sur {total} qui concernent le cabinet n'ont pas de réponse : elles seront signées « sans réponse » et listées comme telles dans le PDF." },
        { one: "{n} question of the {total} that concern the practice has no answer: it will be signed “not answered” and listed as such in the PDF.",
          other: "{n} questions of the {total} that concern the practice have no answer: they will be signed “not answered” and listed as such in the PDF." };
    fn sa_carried_over_warning(n: count) =>
        { one: "{n} réponse reprise de la dernière évaluation signée n'a pas été relue : le PDF l'indiquera.",
          other: "{n} réponses reprises de la dernière évaluation signée n'ont pas été relues : le PDF les indiquera." },
        { one: "{n} answer carried over from the last signed assessment has not been reviewed: the PDF will say so.",
          other: "{n} answers carried over from the last signed assessment have not been reviewed: the PDF will say so." };
    fn report_unanswered_heading(n: count) =>
        { one: "Question sans réponse ({n})", other: "Questions sans réponse ({n})" },
        { one: "Question not answered ({n})", other: "Questions not answered ({n})" };
    fn report_carried_over_heading(n: count) =>
        { one: "Réponse reprise de la dernière évaluation signée, sans relecture ({n})", other: "Réponses reprises de la dernière évaluation signée, sans relecture ({n})" },
        { one: "Answer carried over from the last signed assessment, not reviewed ({n})", other: "Answers carried over from the last signed assessment, not reviewed ({n})" };
    fn report_carried_over_answer(answer) => "{answer} (reprise, non relue)", "{answer} (carried over, not reviewed)";
    fn sys_answered_in_list(answer) => "Répondu dans la liste : {answer}", "Answered in the checklist: {answer}";
    fn place_imaging(software) => "Stockage {software}", "{software} storage";
    fn scan_report_more(n: count) =>
        { one: "{n} autre fichier de risque inférieur n'est pas listé ici ; il reste dans le coffre et dans l'export CSV de « vigie scan ».",
          other: "{n} autres fichiers de risque inférieur ne sont pas listés ici ; ils restent dans le coffre et dans l'export CSV de « vigie scan »." },
        { one: "{n} further file of lower risk is not listed here; it remains in the vault and in the CSV export of “vigie scan”.",
          other: "{n} further files of lower risk are not listed here; they remain in the vault and in the CSV export of “vigie scan”." };
    fn err_no_such_path(path) => "chemin introuvable : {path}", "no such path: {path}";

    // ---- Settings -------------------------------------------------------------------------------------
    fn auto_lock_minutes(n: count) => { one: "{n} minute", other: "{n} minutes" }, { one: "{n} minute", other: "{n} minutes" };

    // ---- Errors ---------------------------------------------------------------------------------------
    fn err_recovery_group(n) => "Le groupe {n} du code de secours contient une faute de frappe.", "Group {n} of the recovery code has a typo.";
    fn err_recovery_length(expected: num, found: num) => "Un code de secours compte {expected} caractères ; vous en avez tapé {found}.",
        "A recovery code has {expected} characters; you typed {found}.";
    fn err_recovery_char(c) => "Le caractère « {c} » ne peut pas figurer dans un code de secours.",
        "The character \"{c}\" cannot appear in a recovery code.";
    fn err_truncated(actual: num, expected: num) => "Le fichier du coffre est incomplet ({actual} octets sur {expected}) : copie interrompue ou disque plein. Il a été laissé tel quel ; ouvrez la copie de sauvegarde « .bak1 ».",
        "The vault file is incomplete ({actual} of {expected} bytes): an interrupted copy or a full disk. It was left as it is; open the \".bak1\" backup.";
    fn err_newer_version(found, supported) => "Ce coffre vient d'une version plus récente de Vigie (format {found} ; cette version lit jusqu'au format {supported}). Mettez Vigie à jour pour l'ouvrir ; le fichier n'a pas été modifié.",
        "This vault comes from a newer Vigie (format {found}; this version reads up to format {supported}). Update Vigie to open it; the file was not changed.";
    fn err_already_exists(path) => "Un fichier existe déjà à cet emplacement : {path}. Vigie ne l'écrase pas ; choisissez un autre nom.",
        "A file already exists there: {path}. Vigie does not overwrite it; choose another name.";
    /// `holder` is empty or [`err_locked_holder`].
    fn err_locked(holder) => "Ce coffre est ouvert ailleurs : une autre fenêtre de Vigie ou une commande en cours{holder}. Fermez-la, ou attendez qu'elle se termine, puis réessayez. Rien n'a été modifié.",
        "This vault is open elsewhere: another Vigie window or a running command{holder}. Close it, or wait for it to finish, then try again. Nothing was changed.";
    fn err_locked_holder(pid, since) => " (processus {pid}), depuis le {since}", " (process {pid}), since {since}";
    fn err_not_a_file(path) => "{path} n'est pas un fichier ordinaire (un dossier, un périphérique ou un tube) : Vigie ne l'ouvre pas.",
        "{path} is not a regular file (a folder, a device or a pipe): Vigie does not open it.";
    fn err_vault_too_large(size, max) => "Ce fichier fait {size} : bien plus qu'un coffre Vigie (au plus {max}). Ce n'est pas un coffre ; il n'a pas été lu.",
        "This file is {size}: far more than a Vigie vault (at most {max}). It is not a vault; it was not read.";
    fn err_output_is_vault(path) => "{path} est un coffre Vigie, une de ses copies de sauvegarde ou son fichier de verrou : Vigie n'écrit jamais un document par-dessus. Choisissez un autre nom ; rien n'a été modifié.",
        "{path} is a Vigie vault, one of its backups or its lock file: Vigie never writes a document over it. Choose another name; nothing was changed.";
    /// `what` is empty or `T::ErrOutputNotPdf`.
    fn err_output_exists(path, what) => "{path} existe déjà{what} : Vigie ne l'a pas remplacé. Choisissez un autre nom, ou ajoutez --force pour le remplacer.",
        "{path} already exists{what}: Vigie did not replace it. Choose another name, or add --force to replace it.";
    fn err_output_not_a_file(path) => "{path} n'est pas un fichier ordinaire (un dossier, un périphérique, un tube ou un lien) : Vigie n'écrit pas à cet endroit. Rien n'a été modifié.",
        "{path} is not a regular file (a folder, a device, a pipe or a link): Vigie does not write there. Nothing was changed.";
    fn err_output_no_folder(dir) => "Le dossier {dir} n'existe pas : Vigie ne le crée pas de lui-même. Créez-le d'abord, ou choisissez un autre emplacement.",
        "The folder {dir} does not exist: Vigie does not create it by itself. Create it first, or choose another place.";
    fn err_usage(problem) => "{problem}. Aide : vigie --help", "{problem}. Help: vigie --help";
    fn usage_unknown_argument(arg) => "argument inconnu : {arg}", "unknown argument: {arg}";
    fn usage_unknown_command(arg) => "commande inconnue : {arg}", "unknown command: {arg}";
    fn usage_invalid_value(arg, value) => "valeur non valable pour {arg} : {value}", "invalid value for {arg}: {value}";
    fn usage_missing(arg) => "il manque : {arg}", "missing: {arg}";
    fn err_contents(detail) => "Le contenu du coffre n'a pas pu être lu : {detail}", "The vault's contents could not be read: {detail}";
    fn err_io(path, detail) => "Impossible d'accéder à {path} : {detail}", "Cannot access {path}: {detail}";
    fn io_system_code(code) => "erreur du système (code {code})", "system error (code {code})";
    fn err_too_short(n: count, min: num) =>
        { one: "La phrase de passe compte {n} caractère ; il en faut au moins {min}.", other: "La phrase de passe compte {n} caractères ; il en faut au moins {min}." },
        { one: "The passphrase has {n} character; at least {min} are needed.", other: "The passphrase has {n} characters; at least {min} are needed." };
    fn err_save_file(detail) => "Impossible d'enregistrer le fichier : {detail}", "Cannot save the file: {detail}";

    // ---- Command line ---------------------------------------------------------------------------------
    fn cli_folder_created(path) => "Dossier créé : {path}", "Folder created: {path}";
    fn cli_vault_created(path) => "Coffre créé : {path}", "Vault created: {path}";
    fn cli_demo_created(path) => "Cabinet de démonstration écrit dans {path}", "Demo practice written to {path}";
    fn cli_check_ok(path) => "Coffre intègre : {path}", "Vault intact: {path}";
    fn cli_check_practice(name) => "Cabinet : {name}", "Practice: {name}";
    fn cli_check_format(v) => "Format du coffre : version {v}", "Vault format: version {v}";
    fn cli_check_created(date) => "Créé le : {date}", "Created on: {date}";
    fn cli_check_journal(n: count) => { one: "Journal : {n} événement", other: "Journal : {n} événements" },
        { one: "Journal: {n} event", other: "Journal: {n} events" };
    fn cli_check_backups(n: num) => "Copies de sauvegarde : {n}", "Backups: {n}";
    fn cli_no_terminal(var) => "aucune phrase de passe : définissez {var} ou lancez la commande dans un terminal",
        "no passphrase: set {var} or run the command in a terminal";
    fn cli_error(message) => "Erreur : {message}", "Error: {message}";

    // ---- Signed self-assessment ---------------------------------------------------------------------
    fn signed_on(date) => "Signé le {date}", "Signed on {date}";
    fn comparison_heading(date) => "Évolution depuis l'évaluation du {date}", "Changes since the assessment of {date}";
    fn comparison_answers_changed(n: count) =>
        { one: "{n} réponse modifiée", other: "{n} réponses modifiées" },
        { one: "{n} answer changed", other: "{n} answers changed" };
    fn comparison_actions_done(n: count) =>
        { one: "{n} action réalisée depuis", other: "{n} actions réalisées depuis" },
        { one: "{n} action done since", other: "{n} actions done since" };
    fn howto_register(count, hash) => "VÉRIFIER CE REGISTRE DES VIOLATIONS SANS VIGIE\n\nCe dossier contient le registre des violations de données du cabinet : {count} événements, dont la tête (dernière empreinte) est {hash}. Le format est décrit octet par octet dans docs/breach-register-format.md ; breach-register-verify.py en est le vérificateur de référence (Python 3, bibliothèque standard seulement).\n\n1. Les fichiers sont-ils intacts ? Dans un terminal ouvert dans ce dossier :\n    sha256sum -c SHA256SUMS\n   (chaque ligne doit finir par « OK » ; sous Windows : certutil -hashfile FICHIER SHA256, à comparer à la main)\n\n2. Chaque événement suit-il le précédent, sans modification ? La tête est-elle celle de ces événements ?\n    python3 breach-register-verify.py .\n   (réponse attendue : « OK: {count} events, head {hash}, signed at <date de la tête> »)", "CHECKING THIS BREACH REGISTER WITHOUT VIGIE\n\nThis folder holds the practice's register of personal data breaches: {count} events, whose head (last hash) is {hash}. The format is described byte by byte in docs/breach-register-format.md; breach-register-verify.py is its reference verifier (Python 3, standard library only).\n\n1. Are the files intact? In a terminal opened in this folder:\n    sha256sum -c SHA256SUMS\n   (every line must end with \"OK\"; on Windows: certutil -hashfile FILE SHA256, compared by hand)\n\n2. Does every event follow the one before it, unchanged? Is the head that of these events?\n    python3 breach-register-verify.py .\n   (expected answer: \"OK: {count} events, head {hash}, signed at <the head's date>\")";
    fn howto_register_signed(principal, fp) => "3. La tête est-elle signée par le médecin ? (clé {fp} : comparez-la avec la feuille de secours ou un rapport signé reçu auparavant ; une signature valable d'une autre clé ne prouve rien)\n   ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-breach-register -s head.txt.sig < head.txt", "3. Is the head signed by the practitioner? (key {fp}: compare it with the recovery sheet or a signed report received earlier; a valid signature by another key proves nothing)\n   ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-breach-register -s head.txt.sig < head.txt";
    fn howto_intro(doc) => "VÉRIFIER CETTE AUTO-ÉVALUATION SANS VIGIE\n\nLe document signé est {doc}. Ses signatures sont des signatures OpenSSH (format SSHSIG) : l'outil ssh-keygen, livré avec Windows 10 et 11, macOS et Linux, suffit pour les vérifier. Le fichier allowed_signers donne les clés publiques des signataires.",
        "CHECKING THIS SELF-ASSESSMENT WITHOUT VIGIE\n\nThe signed document is {doc}. Its signatures are OpenSSH signatures (SSHSIG format): the ssh-keygen tool, shipped with Windows 10 and 11, macOS and Linux, is enough to check them. The allowed_signers file gives the signers' public keys.";
    fn howto_code(doc, code) => "Code du document ({doc} ; code de vérification SHA-256, aussi imprimé sur le rapport) : {code}\nPour le recalculer : certutil -hashfile {doc} SHA256 (Windows), shasum -a 256 {doc} (macOS), sha256sum {doc} (Linux).",
        "Document's code ({doc}; SHA-256 verification code, also printed on the report): {code}\nTo compute it again: certutil -hashfile {doc} SHA256 (Windows), shasum -a 256 {doc} (macOS), sha256sum {doc} (Linux).";
    fn sig_wrong_namespace(found) => "NON VALABLE : signature faite pour un autre usage ({found})", "NOT VALID: signature made for another purpose ({found})";
    fn verify_document(name) => "Auto-évaluation signée : {name}", "Signed self-assessment: {name}";
    fn verify_report(name) => "Fichier signé : {name}", "Signed file: {name}";
    fn verify_practice(name) => "Cabinet : {name}", "Practice: {name}";
    fn verify_completed(date) => "Terminée le : {date}", "Completed on: {date}";
    fn verify_score(p) => "Score global : {p} %", "Overall score: {p}%";
    fn verify_anchor_matches(fp) => "La clé de signature {fp} est bien celle attendue.", "The signing key {fp} is the one expected.";
    fn verify_anchor_differs(fp) => "La clé de signature {fp} n'est PAS celle attendue : ce fichier a été signé par une autre clé ; ne vous y fiez pas.", "The signing key {fp} is NOT the one expected: this file was signed by another key; do not rely on it.";
    fn verify_declared(who) => "? déclaré dans signers.json, fichier signé par personne (non vérifié) : {who}", "? declared in signers.json, a file signed by nobody (not verified): {who}";
    fn verify_code(code) => "Code du document (SHA-256 du document signé) : {code}", "Document's code (SHA-256 of the signed document): {code}";
    fn verify_pdf_code(code) => "Code du PDF (SHA-256 de ce fichier PDF, pas le code du document) : {code}", "PDF's code (SHA-256 of this PDF file, not the document's code): {code}";
    fn verify_pdf_date(date) => "PDF établi le {date} (date écrite dans le PDF, couverte par sa signature)", "PDF made on {date} (date written in the PDF, covered by its signature)";
    fn err_verify_failed(file) => "la vérification de {file} a échoué", "the verification of {file} failed";
    fn err_no_such_assessment(id) => "aucune auto-évaluation signée « {id} » dans ce coffre", "no signed self-assessment \"{id}\" in this vault";
    fn cli_signed(id, date) => "Auto-évaluation {id} terminée et signée le {date}.", "Self-assessment {id} completed and signed on {date}.";
    fn cli_signed_key(fp) => "Clé du médecin : {fp}", "Practitioner's key: {fp}";
    fn cli_exported_set(n: count, dir) => { one: "{n} fichier écrit dans {dir}", other: "{n} fichiers écrits dans {dir}" },
        { one: "{n} file written to {dir}", other: "{n} files written to {dir}" };
    fn err_key_changed(practice, pinned, date, presented) => "La clé du médecin de « {practice} » a changé : votre Vigie a retenu {pinned} (le {date}), ce document est signé par {presented}. Une nouvelle clé peut être légitime (nouveau poste, coffre recréé), ou celle d'un faussaire : vérifiez l'empreinte auprès du médecin (fiche de secours), puis confirmez le changement en donnant sa raison.", "The doctor's key of \"{practice}\" changed: your Vigie pinned {pinned} (on {date}), this document is signed by {presented}. A new key may be legitimate (a new PC, a vault made again) or a forger's: check the fingerprint with the doctor (recovery sheet), then confirm the change with its reason.";
    fn key_change_accepted(previous, fp, reason) => "Changement de clé du médecin accepté : {previous} → {fp} ; raison : {reason} (gardée dans votre fichier de clé et signée dans la contre-signature).", "Doctor's key change accepted: {previous} → {fp}; reason: {reason} (kept in your key file and signed in the countersignature).";
    fn key_change_signed(previous, reason) => "Clé du médecin changée depuis la précédente contre-signature (avant : {previous}) ; raison signée par le contre-signataire : {reason}", "Doctor's key changed since the previous countersignature (before: {previous}); reason signed by the countersigner: {reason}";
    fn cli_countersigned(name, path) => "Contre-signature de {name} ajoutée : {path}", "Countersignature by {name} added: {path}";
    fn cli_imported(n: count) => { one: "{n} signature ajoutée au coffre.", other: "{n} signatures ajoutées au coffre." },
        { one: "{n} signature added to the vault.", other: "{n} signatures added to the vault." };
    fn cli_key_created(path, fp) => "Clé de signature créée : {path} (empreinte {fp})", "Signing key created: {path} (fingerprint {fp})";
    fn err_newer_assessment(v: num) => "Cette auto-évaluation est au format {v}, plus récent que ce que lit cette version de Vigie : mettez Vigie à jour.", "This self-assessment is in format {v}, newer than this Vigie reads: update Vigie.";
    fn err_not_a_folder(path) => "{path} existe et n'est pas un dossier : choisissez un dossier pour les fichiers de l'auto-évaluation.", "{path} exists and is not a folder: choose a folder for the self-assessment's files.";
    fn pdf_head_signed_by(name) => "Tête de chaîne signée par {name}, avec la clé d'empreinte :", "Chain head signed by {name}, with the key of fingerprint:";
    fn pdf_head_how_to_check(principal) => "Pour vérifier ce papier sans Vigie : recopiez le texte signé dans head.txt, la signature dans head.txt.sig, la ligne de clé dans allowed_signers, puis : ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-breach-register -s head.txt.sig < head.txt",
        "To check this paper without Vigie: copy the signed text into head.txt, the signature into head.txt.sig, the key line into allowed_signers, then: ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-breach-register -s head.txt.sig < head.txt";
    fn howto_fingerprint(name, role, fp) => "{name} ({role}) : {fp}", "{name} ({role}): {fp}";
    fn cli_assessment_line(id, date, score, signers) => "{id} — {date} — {score} — {signers}", "{id} — {date} — {score} — {signers}";

    // Signed assessment (window)
    fn sa_draft_progress(answered: count, applicable: num) =>
        { one: "{answered} question répondue sur {applicable} qui concernent le cabinet", other: "{answered} questions répondues sur {applicable} qui concernent le cabinet" },
        "{answered} of {applicable} questions that concern the practice answered";
    fn sa_to_review(n: count) =>
        { one: "{n} réponse reprise de la dernière évaluation signée est à revoir.", other: "{n} réponses reprises de la dernière évaluation signée sont à revoir." },
        { one: "{n} answer carried over from the last signed assessment is to review.", other: "{n} answers carried over from the last signed assessment are to review." };
    fn sa_entry_title(date, score) => "Évaluation du {date} — score {score}", "Assessment of {date} — score {score}";
    fn sa_exported(dir, files) => "Fichiers écrits dans {dir} : {files}", "Files written to {dir}: {files}";
    fn sa_imported(n: count) =>
        { one: "{n} signature ajoutée à l'évaluation.", other: "{n} signatures ajoutées à l'évaluation." },
        { one: "{n} signature added to the assessment.", other: "{n} signatures added to the assessment." };
    fn sa_key_created(path) => "Fichier de clé créé : {path}", "Key file created: {path}";
    fn sa_key_change_kept(reason) => "Changement de clé du médecin accepté ; raison gardée et signée : {reason}", "Doctor's key change accepted; reason kept and signed: {reason}";
    fn breach_register_exported(n: count, dir) =>
        { one: "Registre vérifiable exporté : {n} fichier dans {dir} (voir HOW-TO-VERIFY.txt).", other: "Registre vérifiable exporté : {n} fichiers dans {dir} (voir HOW-TO-VERIFY.txt)." },
        { one: "Verifiable register exported: {n} file in {dir} (see HOW-TO-VERIFY.txt).", other: "Verifiable register exported: {n} files in {dir} (see HOW-TO-VERIFY.txt)." };
    fn pdf_subject_code(code) => "Auto-évaluation signée — code du document (SHA-256) : {code}", "Signed self-assessment — document's code (SHA-256): {code}";
    fn pdf_subject_head(n: count, hash) =>
        { one: "Registre des violations — tête de chaîne : {n} événement, {hash}", other: "Registre des violations — tête de chaîne : {n} événements, {hash}" },
        { one: "Breach register — chain head: {n} event, {hash}", other: "Breach register — chain head: {n} events, {hash}" };
    fn sa_bundle_saved(path) => "Fichier contresigné enregistré : {path}", "Countersigned file saved: {path}";
    fn sa_verify_file(name) => "Fichier vérifié : {name}", "File checked: {name}";
    fn sa_completed(date) => "Évaluation terminée le {date}", "Assessment completed on {date}";
    fn sa_done_on(date) => "fait le {date}", "done on {date}";
    fn status_done_on(date) => "Fait le {date}", "Done on {date}";
    // ---- Breach register ------------------------------------------------------------------------------
    fn breach_number(id) => "Violation n° {id}", "Breach no. {id}";
    fn breach_remaining(h: num, m: num, deadline) => "Il reste {h} h {m} min pour notifier la CNIL (avant le {deadline})", "{h} h {m} min left to notify the CNIL (before {deadline})";
    fn breach_overdue(h: num, m: num, deadline) => "Délai de 72 heures dépassé de {h} h {m} min (échéance : {deadline})", "72-hour deadline passed by {h} h {m} min (deadline: {deadline})";
    fn breach_notified_on(date, reference) => "Notifiée à la CNIL le {date} (n° {reference})", "Notified to the CNIL on {date} (no. {reference})";
    fn breach_complement_due(deadline) => "Notification complémentaire attendue : la CNIL la demande dans les 72 heures de la première, si possible (avant le {deadline}).",
        "Complementary notification due: the CNIL asks for it within 72 hours of the first, if possible (before {deadline}).";
    fn breach_complement_left(reference, h: num, m: num, deadline) => "Notifiée (n° {reference}) ; complément dans les 72 heures, si possible : il reste {h} h {m} min (avant le {deadline})",
        "Notified (no. {reference}); complement within 72 hours, if possible: {h} h {m} min left (before {deadline})";
    fn breach_complement_late(reference, h: num, m: num, deadline) => "Notifiée (n° {reference}) ; complément dans les 72 heures, si possible : dépassées de {h} h {m} min (avant le {deadline})",
        "Notified (no. {reference}); complement within 72 hours, if possible: exceeded by {h} h {m} min (before {deadline})";
    fn breach_police_due(deadline) => "Plainte pour l'assurance cyber : avant le {deadline}.", "Police complaint for the cyber insurance: before {deadline}.";
    fn breach_move_to(status) => "Passer au statut : {status}", "Move to status: {status}";
    fn breach_decision_line(answer, reason, who, date, advice) => "{answer} : {reason} ({who}, le {date} ; recommandation de Vigie : {advice})",
        "{answer}: {reason} ({who}, on {date}; Vigie's recommendation: {advice})";
    fn breach_event_line(seq: num, date, who, what) => "n° {seq} · {date} · {who} · {what}", "no. {seq} · {date} · {who} · {what}";
    fn breach_attachment_line(name, purpose, size, hash) => "{name} ({purpose}, {size}) · SHA-256 {hash}", "{name} ({purpose}, {size}) · SHA-256 {hash}";
    fn breach_chain_ok(n: count, hash) =>
        { one: "Registre intègre : {n} événement vérifié, empreinte {hash}", other: "Registre intègre : {n} événements vérifiés, empreinte {hash}" },
        { one: "Register intact: {n} event checked, fingerprint {hash}", other: "Register intact: {n} events checked, fingerprint {hash}" };
    fn breach_head_line(n: count, hash) =>
        { one: "{n} événement ; empreinte du dernier (SHA-256) : {hash}", other: "{n} événements ; empreinte du dernier (SHA-256) : {hash}" },
        { one: "{n} event; fingerprint of the last (SHA-256): {hash}", other: "{n} events; fingerprint of the last (SHA-256): {hash}" };
    fn err_chain_altered(seq, breach, what) => "Le registre des violations a été modifié en dehors de Vigie : l'événement n° {seq} ({what}, violation n° {breach}) ne correspond plus à ce qui avait été enregistré. Ne le corrigez pas : gardez ce fichier et comparez-le à une sauvegarde et au dernier registre imprimé.",
        "The breach register was changed outside Vigie: event no. {seq} ({what}, breach no. {breach}) no longer matches what was recorded. Do not correct it: keep this file and compare it with a backup and the last printed register.";
    fn err_chain_unlinked(seq, breach, what) => "Le registre des violations a été modifié en dehors de Vigie : l'événement n° {seq} ({what}, violation n° {breach}) ne suit plus le précédent ; un événement a été retiré, ajouté ou déplacé. Gardez ce fichier et comparez-le à une sauvegarde et au dernier registre imprimé.",
        "The breach register was changed outside Vigie: event no. {seq} ({what}, breach no. {breach}) no longer follows the one before it; an event was removed, added or moved. Keep this file and compare it with a backup and the last printed register.";
    fn err_chain_numbering(position: num, found: num) => "Le registre des violations a été modifié en dehors de Vigie : à la place n° {position} se trouve l'événement n° {found} ; un événement a été retiré, ajouté ou déplacé.",
        "The breach register was changed outside Vigie: at position {position} stands event no. {found}; an event was removed, added or moved.";
    fn err_chain_file(name) => "La pièce jointe « {name} » du registre des violations a été modifiée en dehors de Vigie : elle ne correspond plus à son empreinte.",
        "The file “{name}” attached to the breach register was changed outside Vigie: it no longer matches its fingerprint.";
    fn err_breach_transition(from, to) => "Une violation ne passe pas de « {from} » à « {to} » à la main : ces statuts suivent l'enregistrement de la notification ou de l'information des patients.",
        "A breach does not go from “{from}” to “{to}” by hand: those statuses follow the recording of the notification or of the information of the patients.";
    fn reminder_assessment(last, due) => "Vigie : auto-évaluation annuelle à refaire (la dernière signée le {last}), pour le {due}", "Vigie: yearly self-assessment due (the last signed on {last}), by {due}";
    fn reminder_hds(name, number, date) => "Vigie : le certificat HDS de {name} (n° {number}) expire le {date}", "Vigie: the HDS certificate of {name} (no. {number}) expires on {date}";
    fn reminder_restore(last, due) => "Vigie : tester à nouveau la restauration d'une sauvegarde (dernier test noté le {last}), pour le {due}", "Vigie: test restoring a backup again (last test noted on {last}), by {due}";
    fn reminder_action(action, due) => "Vigie : action du plan pour le {due} : {action}", "Vigie: action of the plan due {due}: {action}";
    fn reminder_breach(id: num, deadline) => "Vigie : violation n° {id} — les 72 heures pour notifier la CNIL finissent le {deadline}", "Vigie: breach no. {id} — the 72 hours to notify the CNIL end on {deadline}";
    fn cli_ics_written(path, n: count) =>
        { one: "Calendrier écrit : {path} ({n} rappel)", other: "Calendrier écrit : {path} ({n} rappels)" },
        { one: "Calendar written: {path} ({n} reminder)", other: "Calendar written: {path} ({n} reminders)" };
    fn reminder_breach_complement(id: num, deadline) => "Vigie : violation n° {id} — le complément à la notification à la CNIL est attendu avant le {deadline}", "Vigie: breach no. {id} — the complement to the notification to the CNIL is expected by {deadline}";
    fn reminder_was_due(date) => "Prévu le {date}.", "Due on {date}.";
    fn processor_name_from_profile(name) => "Nom (profil : {name})", "Name (profile: {name})";
    fn processor_contract_line(name, size, date, hash) => "{name} ({size}, joint le {date}, SHA-256 {hash}…)", "{name} ({size}, attached on {date}, SHA-256 {hash}…)";
    fn processor_missing(n: count) =>
        { one: "{n} point à demander", other: "{n} points à demander" },
        { one: "{n} thing to ask for", other: "{n} things to ask for" };
    fn processor_removed(role) => "Retiré de la liste : {role}", "Removed from the list: {role}";
    fn err_no_processor(n: num) => "Aucun sous-traitant n° {n} (la liste des sous-traitants est numérotée à partir de 1, dans l'ordre de la page « Sous-traitants »).", "No processor no. {n} (the processors are numbered from 1, in the order of the \"Processors\" page).";
    fn processor_clauses_present(present: num, total: num) => "Clauses de l'article 28 présentes dans le contrat : {present} sur {total}", "Article 28 clauses present in the contract: {present} of {total}";
    fn err_no_such_breach(id) => "Aucune violation n° {id} dans ce registre (voir vigie breach list).", "No breach no. {id} in this register (see vigie breach list).";
    fn err_breach_file_too_large(size, max) => "Ce fichier fait {size} ; une pièce est limitée à {max}.", "This file is {size}; a file is limited to {max}.";
    fn breach_from_finding_title(kind) => "Images non protégées trouvées par l'analyse : {kind}", "Unprotected images found by the scan: {kind}";
    fn breach_from_finding_how(date) => "Analyse des dossiers de Vigie du {date} (voir le rapport d'analyse).", "Vigie's folder scan of {date} (see the scan report).";
    fn cli_breach_line(id, status, title, clock) => "n° {id} · {status} · {title} · {clock}", "no. {id} · {status} · {title} · {clock}";
    fn err_facts_not_json(path, line: num, column: num) => "{path} n'est pas un fichier JSON valide (ligne {line}, colonne {column}). Un modèle : vigie breach assess --template",
        "{path} is not a valid JSON file (line {line}, column {column}). A template: vigie breach assess --template";
    fn err_facts_not_object(path) => "{path} : un objet JSON est attendu (des paires \"champ\": \"valeur\" entre accolades). Un modèle : vigie breach assess --template",
        "{path}: a JSON object is expected (\"field\": \"value\" pairs between braces). A template: vigie breach assess --template";
    fn err_facts_unknown_field(path, field) => "{path} : champ inconnu « {field} » (les champs sont décrits dans docs/breach-assess.md ; un modèle : vigie breach assess --template).",
        "{path}: unknown field “{field}” (the fields are described in docs/breach-assess.md; a template: vigie breach assess --template).";
    fn err_facts_bad_value(path, field, value, allowed) => "{path} : valeur {value} refusée pour « {field} » ; valeurs permises : {allowed}.",
        "{path}: value {value} refused for “{field}”; allowed values: {allowed}.";
    fn err_facts_too_large(path, max) => "{path} : fichier trop grand pour des faits (plus de {max}).", "{path}: too large for a facts file (over {max}).";
    fn err_facts_times(path, problem) => "{path} : {problem}", "{path}: {problem}";
    fn pdf_letter_signature(name, date) => "{name}, le {date}", "{name}, {date}";
    fn pdf_headcount(n: count) => { one: "{n} personne", other: "{n} personnes" }, { one: "{n} person", other: "{n} people" };
    fn pdf_not_notified_decided(date) => "Pas de notification à la CNIL : décision de ne pas notifier du {date}, avec sa raison (section 5)", "No notification to the CNIL: decision not to notify of {date}, with its reason (section 5)";
    fn pdf_notify_decided_due(deadline) => "Notification décidée, pas encore enregistrée ; échéance des 72 heures : {deadline}", "Notification decided, not recorded yet; 72-hour deadline: {deadline}";
    fn pdf_notify_undecided_due(deadline) => "Notification pas encore décidée ; échéance des 72 heures : {deadline}", "Notification not decided yet; 72-hour deadline: {deadline}";
    fn pdf_fact_changed(now, was) => "{now} (avant : {was})", "{now} (before: {was})";
    fn pdf_complementary_of_on(reference, date) => "suit la notification initiale n° {reference} du {date}", "follows the initial notification no. {reference} of {date}";
    fn pdf_draft_not_to_notify(date, reason) => "Décision enregistrée le {date} : ne pas notifier la CNIL. Raison : {reason} Ce brouillon ne sert que si la décision change.", "Decision recorded on {date}: not to notify the CNIL. Reason: {reason} This draft is of use only if the decision changes.";
    fn sys_breach_how_discovered(check, date) => "Vérifications du PC de Vigie : « {check} » en échec le {date}.", "Vigie's PC checks: “{check}” failed on {date}.";
    fn letter_since(date) => "Cela a commencé le {date}.", "It began on {date}.";
    fn letter_ended(date) => "Il y a été mis fin le {date}.", "It was stopped on {date}.";
    fn letter_data(list) => "Les données vous concernant qui ont pu être touchées sont : {list}.", "The data about you that may have been affected are: {list}.";
    fn letter_place_date(date) => "Le {date}", "{date}";
    fn letter_object(title) => "Objet : {title}", "Subject: {title}";
    fn letter_refused(reason) => "Pas de lettre aux patients : la décision enregistrée est de ne pas les informer. Raison : {reason}", "No letter to the patients: the decision recorded is not to inform them. Reason: {reason}";
    fn pdf_informed_line(date, channel) => "fait le {date} ({channel})", "done on {date} ({channel})";
    fn pdf_not_informed(reason) => "non : {reason}", "no: {reason}";
    // ---- Encrypted archives ------------------------------------------------------------------------
    fn err_archive_exists(path) => "{path} existe déjà : une archive n'est jamais remplacée. Choisissez un autre nom.", "{path} already exists: an archive is never replaced. Choose another name.";
    fn err_archive_damaged(detail) => "L'archive est abîmée ou a été modifiée (coupée, octets changés) : elle ne peut pas être lue en entier. Rien n'a été présenté comme bon. Détail : {detail}", "The archive is damaged or was changed (cut, bytes altered): it cannot be read whole. Nothing was presented as good. Detail: {detail}";
    fn err_archive_unknown_format(format) => "Cette archive est d'un format que cette version de Vigie ne connaît pas ({format}) : elle est refusée. Mettez Vigie à jour pour l'ouvrir.", "This archive is in a format this version of Vigie does not know ({format}): it is refused. Update Vigie to open it.";
    fn err_archive_mismatch(missing: num, differing: num, extra: num) => "Le contenu de l'archive ne correspond pas à son manifeste (fichiers manquants : {missing} ; différents : {differing} ; en trop : {extra}). Ne vous fiez pas à cette archive.", "The archive's contents do not match its manifest (files missing: {missing}; different: {differing}; extra: {extra}). Do not rely on this archive.";
    fn err_archive_overwrite(n: count) => { one: "{n} fichier du dossier choisi serait remplacé : rien n'a été restauré. Choisissez un dossier vide.", other: "{n} fichiers du dossier choisi seraient remplacés : rien n'a été restauré. Choisissez un dossier vide." }, { one: "{n} file of the chosen folder would be replaced: nothing was restored. Choose an empty folder.", other: "{n} files of the chosen folder would be replaced: nothing was restored. Choose an empty folder." };
    fn err_archive_work(required: num, max: num) => "Cette archive demande un effort de calcul trop grand pour sa phrase de passe (2^{required} ; Vigie accepte jusqu'à 2^{max}) : elle est refusée pour ne pas bloquer l'ordinateur.", "This archive asks for too much computing work for its passphrase (2^{required}; Vigie accepts up to 2^{max}): it is refused so as not to freeze the computer.";
    fn err_archive_source(reason) => "Un des fichiers à archiver n'a pas pu être lu ({reason}). L'archive n'a pas été créée et les originaux sont intacts.", "One of the files to archive could not be read ({reason}). The archive was not made and the originals are untouched.";
    fn cli_archive_made(path, n: count, size) => { one: "Archive chiffrée et vérifiée : {path} ({n} fichier, {size}). Chaque fichier relu correspond au manifeste.", other: "Archive chiffrée et vérifiée : {path} ({n} fichiers, {size}). Chaque fichier relu correspond au manifeste." }, { one: "Encrypted and verified archive: {path} ({n} file, {size}). Every file read back matches the manifest.", other: "Encrypted and verified archive: {path} ({n} files, {size}). Every file read back matches the manifest." };
    fn cli_archive_skipped(n: count) => { one: "{n} élément laissé de côté (lien, fichier spécial, illisible ou nom invalide) : il n'est pas dans l'archive.", other: "{n} éléments laissés de côté (liens, fichiers spéciaux, illisibles ou noms invalides) : ils ne sont pas dans l'archive." }, { one: "{n} item left out (a link, a special file, unreadable or an invalid name): it is not in the archive.", other: "{n} items left out (links, special files, unreadable or invalid names): they are not in the archive." };
    fn archive_pending_recorded(path, n: count) => { one: "Une archive interrompue avant d'être notée dans le coffre a été retrouvée complète sous son nom, relue, vérifiée et notée : {path} ({n} fichier).", other: "Une archive interrompue avant d'être notée dans le coffre a été retrouvée complète sous son nom, relue, vérifiée et notée : {path} ({n} fichiers)." }, { one: "An archive interrupted before it was recorded in the vault was found complete under its name, read back, verified and recorded: {path} ({n} file).", other: "An archive interrupted before it was recorded in the vault was found complete under its name, read back, verified and recorded: {path} ({n} files)." };
    fn archive_pending_not_written(path) => "L'archive {path}, commencée lors d'une exécution interrompue, n'a pas été terminée : rien n'est noté dans le coffre ; son fichier temporaire est supprimé à la prochaine archive écrite dans ce dossier.", "The archive {path}, begun by a run that was interrupted, was never finished: nothing is recorded in the vault; its temporary file is removed by the next archive written into that folder.";
    fn archive_pending_not_verified(path, reason) => "Un fichier porte le nom de l'archive interrompue {path} mais ne se vérifie pas avec la clé du cabinet ({reason}) : il n'est pas noté dans le coffre et reste tel quel.", "A file bears the name of the interrupted archive {path} but does not verify with the practice key ({reason}): it is not recorded in the vault and is left as it is.";
    fn archive_pending_unsettled(path) => "Une archive interrompue avant d'être notée dans le coffre ({path}) reste à vérifier : le coffre est ouvert ailleurs ; elle sera relue et notée à la prochaine ouverture.", "An archive interrupted before it was recorded in the vault ({path}) is still to be verified: the vault is open elsewhere; it will be read back and recorded at the next opening.";
    fn archive_pending_another(path) => "Le fichier {path} n'est pas l'archive de l'exécution interrompue : il n'est pas noté dans le coffre et reste tel quel.", "The file {path} is not the archive of the interrupted run: it is not recorded in the vault and is left as it is.";
    fn archive_pending_found(path, date) => "Une archive commencée le {date} n'a pas été notée dans le coffre : l'exécution qui l'écrivait s'est arrêtée avant (fermeture, coupure de courant, disque plein). Fichier prévu : {path}. Vigie peut relire ce fichier, le vérifier en entier avec la clé du cabinet et le noter s'il est complet et intact ; ou oublier cette note (le fichier, s'il existe, reste tel quel et n'est pas noté).", "An archive begun on {date} was not recorded in the vault: the run writing it stopped first (closed, a power cut, a full disk). Expected file: {path}. Vigie can read this file back, verify it whole with the practice key and record it if it is complete and intact; or forget this note (the file, if there is one, is left as it is and not recorded).";
    fn archive_pending_forgotten(path) => "La note de l'archive interrompue {path} est oubliée : rien n'est noté dans le coffre ; le fichier, s'il existe, reste tel quel.", "The note of the interrupted archive {path} is forgotten: nothing is recorded in the vault; the file, if there is one, is left as it is.";
    fn archive_pending_forget_warning(path) => "Oublier la note ne supprime aucun fichier, mais l'archive {path} ne sera alors jamais notée dans le coffre comme preuve.", "Forgetting the note deletes no file, but the archive {path} will then never be recorded in the vault as evidence.";
    fn cli_archive_not_recorded(path, reason) => "L'archive {path} est écrite et vérifiée, mais le coffre n'a pas pu être enregistré ({reason}) : elle n'y est pas encore notée ; elle sera relue et notée à la prochaine ouverture du coffre par « vigie archive … --vault ».", "The archive {path} is written and verified, but the vault could not be saved ({reason}): it is not recorded there yet; it will be read back and recorded the next time a `vigie archive … --vault` command opens the vault.";
    fn cli_archive_removed(removed: num, kept: num) => "Originaux supprimés : {removed} ; gardés (modifiés depuis, ou non supprimables) : {kept}.", "Originals removed: {removed}; kept (changed since, or could not be removed): {kept}.";
    fn cli_archive_verified(n: count, size) => { one: "Archive intacte : {n} fichier ({size}), conforme au manifeste.", other: "Archive intacte : {n} fichiers ({size}), conformes au manifeste." }, { one: "Archive intact: {n} file ({size}), matching the manifest.", other: "Archive intact: {n} files ({size}), matching the manifest." };
    fn archive_scope_high(n: count) => { one: "Le fichier à risque élevé ({n})", other: "Les fichiers à risque élevé ({n})" }, { one: "The high-risk file ({n})", other: "The high-risk files ({n})" };
    fn archive_scope_shown(n: count) => { one: "Le fichier affiché par les filtres ({n})", other: "Les fichiers affichés par les filtres ({n})" }, { one: "The file the filters show ({n})", other: "The files the filters show ({n})" };
    fn archive_start(n: count) => { one: "Chiffrer et vérifier {n} fichier", other: "Chiffrer et vérifier {n} fichiers" }, { one: "Encrypt and verify {n} file", other: "Encrypt and verify {n} files" };
    fn archive_progress(done: num, total: num, size) => "{done} / {total} fichiers · {size}", "{done} / {total} files · {size}";
    fn archive_verified(n: count, size) => { one: "Archive chiffrée et vérifiée : {n} fichier ({size}), relu et conforme.", other: "Archive chiffrée et vérifiée : {n} fichiers ({size}), tous relus et conformes." }, { one: "Encrypted and verified archive: {n} file ({size}), read back and matching.", other: "Encrypted and verified archive: {n} files ({size}), all read back and matching." };
    fn archive_written_to(path) => "Enregistrée dans {path}. Elle est notée dans le coffre, comme preuve pour la question sur le chiffrement des images.", "Saved to {path}. It is recorded in the vault, as evidence for the question on image encryption.";
    fn archive_remove_confirm(n: count) => { one: "J'ai compris ; supprimer l'original ({n} fichier) maintenant qu'il est dans l'archive vérifiée", other: "J'ai compris ; supprimer les {n} originaux maintenant qu'ils sont dans l'archive vérifiée" }, { one: "I understand; delete the original ({n} file) now that it is in the verified archive", other: "I understand; delete the {n} originals now that they are in the verified archive" };
    fn archive_remove_button(n: count) => { one: "Supprimer {n} original", other: "Supprimer les {n} originaux" }, { one: "Delete {n} original", other: "Delete the {n} originals" };
    fn archive_removed(removed: num, kept: num) => "Originaux supprimés : {removed}. Gardés (modifiés depuis l'archivage, ou impossibles à supprimer) : {kept}.", "Originals deleted: {removed}. Kept (changed since they were archived, or could not be deleted): {kept}.";
    fn archive_evidence_name(date) => "archive-chiffree-{date}.txt", "encrypted-archive-{date}.txt";
    fn archive_evidence_text(date, files: num, size, key, manifest) => "Archive chiffrée vérifiée par Vigie\nDate : {date}\nFichiers : {files} ({size})\nClé : {key}\nEmpreinte du manifeste (SHA-256) : {manifest}\n", "Encrypted archive verified by Vigie\nDate: {date}\nFiles: {files} ({size})\nKey: {key}\nManifest fingerprint (SHA-256): {manifest}\n";
    fn archive_scan_note(date, n: count, removed: num) => { one: "Le {date}, {n} fichier de cette analyse a été mis dans une archive chiffrée vérifiée ; originaux supprimés : {removed}.", other: "Le {date}, {n} fichiers de cette analyse ont été mis dans une archive chiffrée vérifiée ; originaux supprimés : {removed}." }, { one: "On {date}, {n} file of this scan was put into a verified encrypted archive; originals deleted: {removed}.", other: "On {date}, {n} files of this scan were put into a verified encrypted archive; originals deleted: {removed}." };
    fn archive_default_name(date) => "archive-images-{date}.age", "image-archive-{date}.age";
    fn archive_key_file_name(practice) => "cle-archives-{practice}.txt", "archive-key-{practice}.txt";
    fn archive_key_saved(path) => "Feuille de la clé des archives enregistrée : {path}. Rangez-la hors de l'ordinateur, avec le code de secours.", "Archive key sheet saved: {path}. Keep it off the computer, with the recovery code.";
    fn cli_archive_authenticated(n: count, size) => { one: "Archive intacte : {n} fichier ({size}), authentifié par le format age.", other: "Archive intacte : {n} fichiers ({size}), authentifiés par le format age." }, { one: "Archive intact: {n} file ({size}), authenticated by the age format.", other: "Archive intact: {n} files ({size}), authenticated by the age format." };
    fn cli_archive_about(practice, date, version) => "Créée par {practice} le {date} (Vigie {version}).", "Made by {practice} on {date} (Vigie {version}).";
    fn cli_archive_restored(n: count, to) => { one: "{n} fichier restauré dans {to}.", other: "{n} fichiers restaurés dans {to}." }, { one: "{n} file restored into {to}.", other: "{n} files restored into {to}." };
    fn cli_archive_file_line(size, path) => "{size}\t{path}", "{size}\t{path}";
    fn cli_archive_key_written(path, recipient) => "Clé des archives écrite dans {path} (clé publique {recipient}). Elle s'utilise avec age -d -i {path} ARCHIVE.age.", "Archive key written to {path} (public key {recipient}). Use it with age -d -i {path} ARCHIVE.age.";
    // ---- Checklist v2: actions, glossary, consistency ----
    fn theme_score_few(score, answered: count, applicable: num) =>
        { one: "Score du thème : {score} % (sur {answered} réponse seulement, pour {applicable} questions)",
          other: "Score du thème : {score} % (sur {answered} réponses seulement, pour {applicable} questions)" },
        { one: "Theme score: {score}% (from only {answered} answer, for {applicable} questions)",
          other: "Theme score: {score}% (from only {answered} answers, for {applicable} questions)" };
    fn theme_percent_few(score, answered: num, applicable: num) => "{score} % ({answered}/{applicable} réponses)", "{score}% ({answered}/{applicable} answers)";
    fn contradiction_system(date, summary) => "Le contrôle du PC du {date} dit le contraire : {summary}. Cette réponse « Oui » est peut-être à revoir.", "The PC check of {date} says otherwise: {summary}. This “Yes” answer may need another look.";
    fn contradiction_scan(n: count) => { one: "La dernière analyse des dossiers a trouvé {n} fichier à risque élevé : cette réponse « Oui » est peut-être à revoir.", other: "La dernière analyse des dossiers a trouvé {n} fichiers à risque élevé : cette réponse « Oui » est peut-être à revoir." }, { one: "The last folder scan found {n} high-risk file: this “Yes” answer may need another look.", other: "The last folder scan found {n} high-risk files: this “Yes” answer may need another look." };
    fn contradiction_evidence(n: count) => { one: "Un rapport d'analyse joint ici signale {n} fichier à risque élevé, alors que la réponse est « Oui ».", other: "Un rapport d'analyse joint ici signale {n} fichiers à risque élevé, alors que la réponse est « Oui »." }, { one: "A scan report attached here reports {n} high-risk file, while the answer is “Yes”.", other: "A scan report attached here reports {n} high-risk files, while the answer is “Yes”." };
    fn review_because(reason) => "À revoir : {reason}", "To review: {reason}";
    fn find_out_question(question) => "Question à éclaircir : {question}", "Question to clear up: {question}";
    fn catalog_version_line(version: num) => "version {version}", "version {version}";
    fn catalog_migrated_line(from: num, to: num) => "Réponses données sur la version {from} de la liste, reprises dans la version {to} (les questions modifiées sont marquées « à revoir »).", "Answers given on version {from} of the checklist, carried into version {to} (changed questions are marked “to review”).";
    // ---- PC checks ----------------------------------------------------------------------------------
    fn sys_disk_encrypted(method) => "Le disque est chiffré ({method}).", "The disk is encrypted ({method}).";
    fn sys_firewall_on(name) => "Le pare-feu est actif ({name}).", "The firewall is on ({name}).";
    fn sys_firewall_off(name) => "Le pare-feu est coupé : {name}.", "The firewall is off: {name}.";
    fn sys_antivirus_ok(products) => "Antivirus actif et à jour : {products}.", "Antivirus on and up to date: {products}.";
    fn sys_antivirus_problem(products) => "Antivirus coupé ou pas à jour : {products}.", "Antivirus off or out of date: {products}.";
    fn sys_os_supported_until(name, date) => "{name} reçoit les mises à jour de sécurité jusqu'au {date}.", "{name} gets security updates until {date}.";
    fn sys_os_supported(name) => "{name} reçoit encore les mises à jour de sécurité.", "{name} still gets security updates.";
    fn sys_os_ends_soon(name, date) => "{name} ne recevra plus de mises à jour de sécurité après le {date} : prévoyez la mise à niveau.", "{name} gets no security updates after {date}: plan the upgrade.";
    fn sys_os_unsupported(name, date) => "{name} ne reçoit plus de mises à jour de sécurité depuis le {date}.", "{name} has had no security updates since {date}.";
    fn sys_screen_lock_ok(n: count) => { one: "L'écran se verrouille seul après {n} minute d'inactivité.", other: "L'écran se verrouille seul après {n} minutes d'inactivité." }, { one: "The screen locks by itself after {n} minute of inactivity.", other: "The screen locks by itself after {n} minutes of inactivity." };
    fn sys_screen_lock_slow(n: count) => { one: "L'écran se verrouille après {n} minute : plus de 15 minutes, c'est trop long.", other: "L'écran se verrouille après {n} minutes : plus de 15 minutes, c'est trop long." }, { one: "The screen locks after {n} minute: more than 15 minutes is too long.", other: "The screen locks after {n} minutes: more than 15 minutes is too long." };
    fn sys_remote_desktop_on(ports) => "Le bureau à distance ou le partage d'écran est ouvert{ports}.", "Remote desktop or screen sharing is open{ports}.";
    fn sys_exposed_ports(n: count, list) => { one: "{n} programme sensible écoute sur le réseau : {list}.", other: "{n} programmes sensibles écoutent sur le réseau : {list}." }, { one: "{n} sensitive program listens on the network: {list}.", other: "{n} sensitive programs listen on the network: {list}." };
    fn sys_other_ports(n: count, list) => { one: "{n} autre programme écoute sur le réseau : {list}.", other: "{n} autres programmes écoutent sur le réseau : {list}." }, { one: "{n} other program listens on the network: {list}.", other: "{n} other programs listen on the network: {list}." };
    fn sys_orthanc_risky(list) => "Réglages risqués dans la configuration d'Orthanc : {list}.", "Risky settings in Orthanc's configuration: {list}.";
    fn sys_orthanc_default_account(user) => "compte d'exemple « {user} » déclaré", "sample account “{user}” declared";
    fn sys_remote_tools(names) => "Outils de prise en main à distance en marche en permanence : {names}.", "Remote-maintenance tools running all the time: {names}.";
    fn sys_cloud_folders(services) => "Dossiers synchronisés dans le cloud : {services}. Ce qui y est mis part sur les serveurs du service.", "Cloud-synced folders: {services}. What is put there goes to the service's servers.";
    fn sys_probe_line(port, what) => "port {port} : {what}", "port {port}: {what}";
    fn sys_probe_summary(address, list) => "Depuis ce PC, vers {address} : {list}.", "From this PC, to {address}: {list}.";
    fn sys_outcome_default_password(user) => "s'ouvre avec le mot de passe d'exemple de « {user} »", "opens with the sample password of “{user}”";
    fn sys_upnp_none(gateway) => "La box ({gateway}) ne signale aucun port ouvert par UPnP.", "The router ({gateway}) reports no port opened over UPnP.";
    fn box_case_2020(port) => "La box envoie vers cet ordinateur tout ce qui arrive d'Internet sur le port {port} : n'importe qui peut joindre le serveur d'images. C'est ce qui a valu une amende à deux médecins en 2020.", "The router sends to this computer everything that arrives from the Internet on port {port}: anyone can reach the imaging server. This is what earned two doctors a fine in 2020.";
    fn box_forward(port, host, kind, origin) => "La box envoie vers {host} ce qui arrive d'Internet sur le port {port}{kind} (règle {origin}).", "The router sends to {host} what arrives from the Internet on port {port}{kind} (rule {origin}).";
    fn box_pinhole(port, host, kind, origin) => "Le pare-feu IPv6 laisse entrer Internet vers {host} sur le port {port}{kind} (ouverture {origin}).", "The IPv6 firewall lets the Internet in to {host} on port {port}{kind} (opening {origin}).";
    fn box_dmz(host) => "La DMZ (« hôte exposé ») est activée vers {host} : tous ses ports sont ouverts à Internet.", "The DMZ (“exposed host”) is on towards {host}: all its ports are open to the Internet.";
    fn box_ipv6_open(level) => "Le pare-feu IPv6 de la box laisse tout entrer (réglage « {level} ») : chaque machine du cabinet ayant une adresse IPv6 est joignable depuis Internet.", "The router's IPv6 firewall lets everything in (setting “{level}”): every practice machine with an IPv6 address is reachable from the Internet.";
    fn box_ipv4_open(level) => "Le pare-feu de la box est coupé (réglage « {level} »).", "The router's firewall is off (setting “{level}”).";
    fn box_service(name, port) => "Un service de la box est ouvert depuis Internet : {name}{port}. Son mot de passe est alors la seule protection.", "A service of the router is open from the Internet: {name}{port}. Its password is then the only protection.";
    fn box_summary(product, address, n: count) => { one: "{product} ({address}) : {n} règle laisse entrer Internet.", other: "{product} ({address}) : {n} règles laissent entrer Internet." }, { one: "{product} ({address}): {n} rule lets the Internet in.", other: "{product} ({address}): {n} rules let the Internet in." };
    fn box_unread(product, address, why) => "{product} ({address}) : impossible de lire ses règles ({why}).", "{product} ({address}): its rules could not be read ({why}).";
    fn box_missing_right(right) => "l'autorisation de Vigie n'a pas le droit « {right} » : dans Freebox OS, Paramètres de la Freebox → Gestion des accès → Applications → Vigie, cochez « Modification des réglages de la Freebox », puis relancez", "Vigie's authorisation lacks the right “{right}”: in Freebox OS, Freebox settings → Access management → Applications → Vigie, tick “Modify the Freebox's settings”, then try again";
    fn box_status(call, status) => "la box a répondu {status} à {call}", "the router answered {status} to {call}";
    fn box_dashboard(date, summary) => "Box Internet, relevé du {date} — {summary}", "Internet router, read on {date} — {summary}";
    fn box_breach_how(date) => "Règles de la box lues par Vigie le {date} : une redirection vers le serveur d'images.", "The router's rules read by Vigie on {date}: a forward to the imaging server.";
    fn box_countdown(seconds: num) => "En attente du bouton de la box… {seconds} s", "Waiting for the router's button… {seconds} s";
    fn sys_upnp_mappings(gateway, n: count, list) => { one: "La box ({gateway}) a {n} port ouvert par UPnP : {list}.", other: "La box ({gateway}) a {n} ports ouverts par UPnP : {list}." }, { one: "The router ({gateway}) has {n} port opened over UPnP: {list}.", other: "The router ({gateway}) has {n} ports opened over UPnP: {list}." };
    fn sys_last_run(date) => "Derniers contrôles du PC : {date}", "Last PC checks: {date}";
    fn sys_counts(fail: num, warn: num, unknown: num, pass: num) => "{fail} à corriger · {warn} à vérifier · {unknown} impossibles à dire · {pass} en place", "{fail} to fix · {warn} to look at · {unknown} cannot tell · {pass} in place";
    fn sys_proposed(date, answer) => "Proposé d'après le contrôle du PC du {date} : {answer}", "Proposed from the PC check of {date}: {answer}";
    fn sys_note(date, summary) => "D'après le contrôle du PC du {date} : {summary}", "From the PC check of {date}: {summary}";
    fn sys_progress(done: num, total: num, name) => "{done} / {total} : {name}", "{done} / {total}: {name}";
    fn sys_orthanc_file(path) => "Configuration d'Orthanc lue : {path}", "Orthanc configuration read: {path}";
    fn sys_system(name) => "Système : {name}", "System: {name}";
    // ---- Window polish (file dialogs, layout, forms, welcome back, settings) ------------------------
    fn open_practice_du(name) => "Ouvrir le coffre du {name}", "Open the vault of {name}";
    fn open_practice_named(name) => "Ouvrir le coffre « {name} »", "Open the vault “{name}”";
    fn err_copy_differs(path) => "La copie {path} relue ne correspond pas à l'original : la clé est peut-être défectueuse. Essayez une autre clé.", "The copy {path}, read back, does not match the original: the stick may be faulty. Try another stick.";
    fn vault_copied(folder, n: count) =>
        { one: "Copie vérifiée dans {folder} : {n} fichier (le coffre).", other: "Copie vérifiée dans {folder} : {n} fichiers (le coffre et ses sauvegardes)." },
        { one: "Verified copy in {folder}: {n} file (the vault).", other: "Verified copy in {folder}: {n} files (the vault and its backups)." };
    fn fd_filter(list) => "Fichiers affichés : {list}", "Files shown: {list}";
    fn fd_replace(name) => "« {name} » existe déjà dans ce dossier. Le remplacer ?", "“{name}” already exists in this folder. Replace it?";
    fn register_witness_assessment(date) => "l'auto-évaluation signée le {date}", "the self-assessment signed on {date}";
    fn register_witness_countersigned(name, date) => "la tête contre-signée par {name} le {date}", "the head countersigned by {name} on {date}";
    fn register_extends(what, signed: num, hash, now: num, now_hash) => "Registre cohérent avec {what} : les {signed} événements signés (tête {hash}) sont toujours là, inchangés ; le registre en compte {now} aujourd'hui (tête {now_hash}).",
        "Register consistent with {what}: the {signed} events signed (head {hash}) are all there, unchanged; the register holds {now} today (head {now_hash}).";
    fn register_truncated(what, signed: num, hash, found: num) => "Le registre ne prolonge pas la tête de {what} : {signed} événements signés (tête {hash}), {found} seulement trouvés. Des événements ont été retirés depuis la signature.",
        "The register does not extend the head of {what}: {signed} events signed (head {hash}), only {found} found. Events were removed since it was signed.";
    fn register_rewritten(what, signed: num, hash, found) => "Le registre ne prolonge pas la tête de {what} : l'événement n° {signed} a été signé avec l'empreinte {hash}, il porte aujourd'hui l'empreinte {found}. Le registre a été réécrit depuis la signature.",
        "The register does not extend the head of {what}: event no. {signed} was signed with the hash {hash}, it now has the hash {found}. The register was rewritten since it was signed.";
    fn pdf_witnessed_register(count: num) => "Registre des violations : {count} événements, tête (empreinte du dernier) :", "Breach register: {count} events, head (the last one's hash):";
    fn pdf_witnessed_record(what, date) => "{what}, le {date} — empreinte :", "{what}, on {date} — digest:";
    fn cli_head_to_countersign(count: num, hash, date, fp) => "Tête du registre à contre-signer : {count} événements, empreinte du dernier {hash}, signée le {date} par la clé {fp}.", "Register head to countersign: {count} events, last hash {hash}, signed on {date} by the key {fp}.";
    fn cli_head_countersigned(path) => "Tête contre-signée : {path} (et sa signature .sig). Gardez ces deux fichiers hors du cabinet.", "Head countersigned: {path} (and its .sig signature). Keep both files outside the practice.";
    fn sa_head_summary(n: count, date) => { one: "{n} événement, tête datée du {date}", other: "{n} événements, tête datée du {date}" }, { one: "{n} event, head dated {date}", other: "{n} events, head dated {date}" };
    fn sa_head_countersigned(path) => "Tête contresignée : {path} et sa signature .sig sont écrits dans le dossier du registre. Gardez ces deux fichiers hors du cabinet.", "Head countersigned: {path} and its .sig signature are written in the register's folder. Keep both files outside the practice.";
    fn cli_head_statement(name, role, org, date, fp) => "Contre-signature valable de {name} ({role}, {org}) le {date}, clé {fp}.", "Valid countersignature by {name} ({role}, {org}) on {date}, key {fp}.";
    fn err_head_not_of_events(path) => "{path} n'est pas la tête de ces événements (événements retirés, ajoutés ou réécrits) : rien n'est contre-signé.", "{path} is not the head of these events (events cut off, added or rewritten): nothing is countersigned.";
    fn err_head_signature(path) => "La signature de la tête ({path}) n'est pas valable, ou sa clé n'est pas celle attendue : rien n'est contre-signé.", "The head's signature ({path}) is not valid, or its key is not the one expected: nothing is countersigned.";
    fn err_head_statement(path) => "{path} n'est pas une contre-signature de tête valable (signature absente, fausse, ou d'une autre clé que celle qu'elle nomme).", "{path} is not a valid head countersignature (signature missing, wrong, or by another key than the one it names).";
    fn register_not_witnessed(date) => "L'auto-évaluation signée le {date} a été faite par une version antérieure de Vigie : elle ne porte pas la tête du registre des violations, il n'y a rien à comparer.",
        "The self-assessment signed on {date} was made by an earlier version of Vigie: it does not carry the breach register's head, there is nothing to compare.";
    // ---- The inspection binder ----------------------------------------------------------------------
    fn binder_register_frozen(id, date) => "Registre figé dans l'auto-évaluation signée {id} du {date} : ce PDF reproduit le champ binder.register du document signé, dont voici le code.", "Register frozen in the signed assessment {id} of {date}: this PDF reproduces the field binder.register of the signed document, whose code follows.";
    fn binder_scan_facts(date, folders: num, files: num, errors: num) => "Analyse commencée le {date} : {folders} dossier(s) analysé(s), {files} fichiers examinés, {errors} chemin(s) illisible(s).", "Scan started on {date}: {folders} folder(s) scanned, {files} files looked at, {errors} unreadable path(s).";
    fn binder_scan_findings(high: num, medium: num, low: num, none: num) => "Images trouvées : risque élevé {high}, moyen {medium}, faible {low}, aucun (conteneurs chiffrés) {none}.", "Images found: high risk {high}, medium {medium}, low {low}, none (encrypted containers) {none}.";
    fn binder_checks_facts(date, system) => "Contrôles faits le {date} sur {system}.", "Checks run on {date} on {system}.";
    fn binder_checks_counts(fail: num, warning: num, unknown: num, pass: num) => "Échecs {fail}, avertissements {warning}, inconnus {unknown}, réussis {pass}.", "Failed {fail}, warnings {warning}, unknown {unknown}, passed {pass}.";
    fn binder_comparison_between(then, now) => "Du {then} au {now}.", "From {then} to {now}.";
    fn binder_comparison_score(then, now) => "Score global : {then} → {now}.", "Overall score: {then} → {now}.";
    fn binder_comparison_answers(n: count) => { one: "{n} réponse a changé :", other: "{n} réponses ont changé :" }, { one: "{n} answer changed:", other: "{n} answers changed:" };
    fn binder_comparison_actions(n: count) => { one: "{n} action faite entre les deux :", other: "{n} actions faites entre les deux :" }, { one: "{n} action done in between:", other: "{n} actions done in between:" };
    fn binder_register_changes(n: count) => { one: "Registre des traitements : {n} changement :", other: "Registre des traitements : {n} changements :" }, { one: "Record of processing activities: {n} change:", other: "Record of processing activities: {n} changes:" };
    fn binder_processor_changes(n: count) => { one: "Sous-traitants : {n} changement :", other: "Sous-traitants : {n} changements :" }, { one: "Processors: {n} change:", other: "Processors: {n} changes:" };
    fn binder_processors_frozen(id, date) => "Sous-traitants figés dans l'auto-évaluation signée {id} du {date} (champ binder.processors du document signé, dont voici le code) :", "Processors frozen in the signed assessment {id} of {date} (field binder.processors of the signed document, whose code follows):";
    fn binder_hds_line(number, expires, status) => "{number}, {expires} : {status}", "{number}, {expires}: {status}";
    fn hds_number(number) => "n° {number}", "no. {number}";
    fn hds_expiry(date) => "échéance le {date}", "expires on {date}";
    fn binder_activity_added(activity) => "  + {activity} : activité ajoutée", "  + {activity}: activity added";
    fn binder_activity_removed(activity) => "  − {activity} : activité retirée", "  − {activity}: activity removed";
    fn binder_field_changed(activity, field, then, now) => "  {activity}, {field} : « {then} » → « {now} »", "  {activity}, {field}: “{then}” → “{now}”";
    fn binder_toc_register_signed(id, date, code) => "Le registre des traitements et les sous-traitants de ce classeur sont ceux que l'auto-évaluation signée {id} du {date} a figés (champs binder.register et binder.processors de son document, code du document SHA-256 {code}) : la signature du médecin les couvre.", "The record of processing activities and the processors in this binder are those the signed assessment {id} of {date} froze (fields binder.register and binder.processors of its document, document code SHA-256 {code}): the doctor's signature covers them.";
    fn binder_toc_made(date, version) => "Fait le {date} par Vigie {version}.", "Made on {date} by Vigie {version}.";
    fn binder_howto(signed, breaches) => "VÉRIFIER CE CLASSEUR SANS VIGIE\n\n(1) Les fichiers sont-ils intacts ? Dans un terminal ouvert dans ce dossier :\n    sha256sum -c SHA256SUMS\n   (chaque ligne doit finir par « OK » ; macOS : shasum -a 256 -c SHA256SUMS ; Windows : certutil -hashfile FICHIER SHA256, à comparer à la main avec TOC.txt)\n\n(2) Le registre des violations : dans le dossier {breaches}, suivez son HOW-TO-VERIFY.txt (python3 breach-register-verify.py . et ssh-keygen -Y verify pour la signature de sa tête).\n\n(3) L'auto-évaluation signée : dans le dossier {signed}, suivez son HOW-TO-VERIFY.txt, ou lancez vigie verify sur le fichier .vigie-assessment.", "CHECKING THIS BINDER WITHOUT VIGIE\n\n(1) Are the files intact? In a terminal opened in this folder:\n    sha256sum -c SHA256SUMS\n   (every line must end with \"OK\"; macOS: shasum -a 256 -c SHA256SUMS; Windows: certutil -hashfile FILE SHA256, compared by hand with TOC.txt)\n\n(2) The breach register: in the folder {breaches}, follow its HOW-TO-VERIFY.txt (python3 breach-register-verify.py . and ssh-keygen -Y verify for its head's signature).\n\n(3) The signed assessment: in the folder {signed}, follow its HOW-TO-VERIFY.txt, or run vigie verify on the .vigie-assessment file.";
    fn binder_howto_signed(folder, id, principal) => "La signature du médecin, avec OpenSSH seul (ssh-keygen 8.1 ou plus récent), dans le dossier {folder} :\n    ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-assessment -s assessment-{id}.json.{principal}.sig < assessment-{id}.json\n   (réponse attendue : Good \"vigie-assessment\" signature for {principal} with ED25519 key SHA256:… ; comparez l'empreinte avec celle de la feuille de secours)\nLe document signé assessment-{id}.json contient le registre des traitements et les sous-traitants (champ binder) : la même signature couvre les réponses, le registre, les sous-traitants et la tête du registre des violations (champ witnessed).", "The doctor's signature, with OpenSSH alone (ssh-keygen 8.1 or later), in the folder {folder}:\n    ssh-keygen -Y verify -f allowed_signers -I {principal} -n vigie-assessment -s assessment-{id}.json.{principal}.sig < assessment-{id}.json\n   (expected answer: Good \"vigie-assessment\" signature for {principal} with ED25519 key SHA256:…; compare the fingerprint with the recovery sheet's)\nThe signed document assessment-{id}.json holds the record of processing activities and the processors (field binder): the same signature covers the answers, the register, the processors and the breach register's head (field witnessed).";
    fn binder_folder_name(date) => "classeur-inspection-{date}", "inspection-binder-{date}";
    fn binder_exported(n: count, dir) => { one: "Classeur d'inspection écrit : {n} fichier dans {dir}.", other: "Classeur d'inspection écrit : {n} fichiers dans {dir}." }, { one: "Inspection binder written: {n} file in {dir}.", other: "Inspection binder written: {n} files in {dir}." };
    fn err_binder_not_empty(dir) => "{dir} existe et n'est pas un dossier vide : le classeur s'écrit dans un dossier nouveau ou vide, jamais par-dessus des fichiers. Rien n'a été écrit.", "{dir} exists and is not an empty folder: the binder is written into a new or empty folder, never over files. Nothing was written.";
    fn register_export_unreadable(n: num) => "La ligne {n} de events.jsonl ne se lit pas : ce n'est pas un export du registre, ou il a été abîmé.", "Line {n} of events.jsonl does not read: this is not an export of the register, or it was damaged.";
    fn register_export_unlinked(n: num) => "L'événement {n} ne suit pas l'événement précédent : un événement a été retiré, inséré ou déplacé.", "Event {n} does not follow the event before it: an event was removed, inserted or moved.";
    fn register_export_altered(n: num) => "L'événement {n} a été modifié après son enregistrement.", "Event {n} was changed after it was recorded.";
}
