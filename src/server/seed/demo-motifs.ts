import type { MotifFields } from '../../core/agenda/agenda-admin';
import type { MotifCategory } from '../../core/agenda/motif';

export interface DemoMotif extends MotifFields {
  key: string;
  category: MotifCategory;
}

/** RDV-Solidarités-like rules: bookable from 2 h ahead, up to 6 weeks, changeable until 24 h before. */
const RULES = { minDelayMinutes: 120, maxDelayDays: 42, changeLimitHours: 24 } as const;

/**
 * The demo's motifs, written once with their texts in each language; the demo seeds them through
 * the agenda's own repository (an admin edits them in « Motifs » afterwards).
 */
export const DEMO_MOTIFS: readonly DemoMotif[] = [
  {
    key: 'suivi',
    category: 'referent_followup',
    name: { fr: 'Suivi avec mon référent', en: 'Follow-up with my caseworker', ar: 'متابعة مع المسؤول عن ملفي' },
    description: { fr: 'Pour parler de votre dossier avec la personne qui vous suit.', en: 'To talk about your file with the person who follows you.', ar: 'للحديث عن ملفك مع الشخص الذي يتابعك.' },
    durationMinutes: 30,
    mode: 'on_site',
    firstContact: false,
    metiers: [],
    ...RULES,
  },
  {
    key: 'accueil-social',
    category: 'accueil_social',
    name: { fr: 'Accueil social', en: 'Social support', ar: 'استقبال اجتماعي' },
    description: { fr: "Pour parler d'un problème : argent, logement, famille.", en: 'To talk about a problem: money, housing, family.', ar: 'للحديث عن مشكلة: المال، السكن، العائلة.' },
    durationMinutes: 45,
    mode: 'on_site',
    firstContact: true,
    metiers: ['assistant_social', 'conseiller_economie_sociale'],
    ...RULES,
  },
  {
    key: 'pmi',
    category: 'pmi',
    name: { fr: 'PMI (mères et jeunes enfants)', en: 'Mother and child health (PMI)', ar: 'حماية الأمهات والأطفال (PMI)' },
    description: { fr: 'Pour une grossesse, un bébé ou un enfant de moins de 6 ans.', en: 'For a pregnancy, a baby or a child under 6.', ar: 'للحمل، أو لرضيع، أو لطفل عمره أقل من 6 سنوات.' },
    durationMinutes: 30,
    mode: 'on_site',
    firstContact: true,
    metiers: ['puericultrice'],
    ...RULES,
  },
  {
    key: 'sante-sexuelle',
    category: 'sante_sexuelle',
    name: { fr: 'Santé sexuelle', en: 'Sexual health', ar: 'الصحة الجنسية' },
    description: { fr: "Contraception, grossesse, dépistage. C'est confidentiel.", en: 'Contraception, pregnancy, testing. It is confidential.', ar: 'منع الحمل، الحمل، الفحص. كل شيء سري.' },
    durationMinutes: 30,
    mode: 'phone',
    firstContact: true,
    metiers: ['sage_femme'],
    ...RULES,
  },
  {
    key: 'insertion-rsa',
    category: 'insertion_rsa',
    name: { fr: 'Insertion et RSA', en: 'Work and RSA', ar: 'الإدماج و RSA' },
    description: { fr: 'Pour le RSA, une formation ou un travail.', en: 'For the RSA, training or a job.', ar: 'من أجل RSA، أو تدريب، أو عمل.' },
    durationMinutes: 45,
    mode: 'on_site',
    firstContact: true,
    metiers: ['conseiller_insertion'],
    ...RULES,
  },
];
