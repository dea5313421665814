/**
 * The seed blog post's comment section ("Social Media ROI"), as test data. Copied from
 * /work/shared/seeds/thread.json: tests never read files outside the repository. Author names are
 * inferred, dates chosen freely (the seeds have neither).
 */
import type { Comment } from '../../src/adapters/adapter.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory.js';

export type SeedLocale = 'sw' | 'hi' | 'en';

export const seedLocales: readonly SeedLocale[] = ['sw', 'hi', 'en'];

/** The thread id the seed comments live under. */
export const seedThreadId = 'blog/social-media-roi';

export const seed = {
  post: {
    sw: 'Rudi kwenye Uwekezaji wa Media ya Jamii',
    en: 'Social Media Return on Investment',
  },
  ui: {
    countHeading: { sw: '3 Maoni', hi: '3 टिप्पणियाँ', en: '3 Comments' },
    formHeading: { sw: 'Unafikiri?', hi: 'आप क्या सोचते हैं?', en: 'What do you think?' },
    notice: {
      sw: 'Tovuti hii inatumia Akismet kupunguza spam. Jifunze jinsi maoni yako yanasindika.',
      en: 'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
    },
  },
  comments: [
    {
      id: '1',
      parentId: null,
      number: 1,
      author: { name: 'nickstamoulis' },
      createdAt: '2013-05-14T09:12:00.000Z',
      body: {
        sw: 'Mikakati na malengo ya media ya kijamii ni tofauti kwa kila biashara. Wakati biashara zingine zinaweza kupata kuwa media ya kijamii ni mahali pazuri pa kufanya mashindano au kuchapisha punguzo, hiyo inaweza kuwa sio hatua sahihi kwa biashara zote. Ni muhimu kukaa kweli kwa kitambulisho chako cha chapa.',
        hi: 'सोशल मीडिया की रणनीति और लक्ष्य हर व्यवसाय के लिए अलग हैं। जबकि कुछ व्यवसायों को लग सकता है कि सोशल मीडिया प्रतियोगिता आयोजित करने या छूट देने के लिए एक शानदार स्थान है, जो सभी व्यवसायों के लिए कार्रवाई का सही कोर्स नहीं हो सकता है। अपनी ब्रांड पहचान के लिए सही रहना महत्वपूर्ण है।',
        en: "Social media strategies and goals are different for every business. While some businesses may find that social media is a great place to hold contests or offer discounts, that may not be the right course of action for all businesses. It's important to stay true to your brand identity.",
      },
    },
    {
      id: '2',
      parentId: '1',
      number: 2,
      author: { name: 'Martech Zone' },
      createdAt: '2013-05-14T15:40:00.000Z',
      body: {
        sw: 'Kukubali kabisa, @nickstamoulis: disqus! Na nadhani wakati mwingine tunazingatia ROI kuhalalisha kila senti na hatuhitaji. Wakati mwingine ni vizuri tu kupata jina lako huko nje bila kutarajia kwamba dola zitanyesha!',
        hi: 'पूरी तरह से सहमत हैं, @nickstamoulis: disqus! और मुझे लगता है कि कभी-कभी हम हर पैसे को सही ठहराने के लिए ROI पर ध्यान केंद्रित करते हैं और हमें इसकी आवश्यकता नहीं है। कभी-कभी यह उम्मीद के बिना कि आपका नाम बाहर आने के लिए अच्छा है कि डॉलर की बारिश होने जा रही है!',
        en: "Totally agree, @nickstamoulis: disqus! And I think sometimes we focus on ROI to justify every penny and we don't need to. Sometimes it's just good to get your name out there without expecting that it's going to rain dollars!",
      },
    },
    {
      id: '3',
      parentId: null,
      number: 3,
      author: { name: 'Reader' },
      createdAt: '2013-05-16T07:05:00.000Z',
      body: {
        sw: 'Wow, data hizi ni muhimu sana na zinavutia. Asante sana!\nVyombo vya habari vya kijamii kweli ni moja wapo ya media maarufu, inayotumiwa sana siku hizi',
        hi: 'वाह, ये डेटा बहुत उपयोगी और दिलचस्प हैं। आपका बहुत बहुत धन्यवाद!\nसोशल मीडिया वास्तव में सबसे प्रसिद्ध में से एक है, इन दिनों व्यापक रूप से विपणन मीडिया का उपयोग करें।',
        en: 'Wow, this data is very useful and interesting. Thank you very much!\nSocial media really is one of the most popular media, widely used these days.',
      },
    },
  ],
} as const;

/** The seed thread's three comments, with bodies in `locale`, as an adapter returns them. */
export function seedComments(locale: SeedLocale): Comment[] {
  return seed.comments.map(({ id, parentId, author, createdAt, body }) => ({
    id,
    parentId,
    author: { ...author },
    body: body[locale],
    createdAt,
    status: 'published',
  }));
}

/** A MemoryAdapter holding the seed thread in `locale` under {@link seedThreadId}. */
export function seedAdapter(locale: SeedLocale, options: Omit<MemoryAdapterOptions, 'comments'> = {}): MemoryAdapter {
  return new MemoryAdapter({ ...options, comments: { [seedThreadId]: seedComments(locale) } });
}

/** One comment for tests that need something other than the seed. */
export function makeComment(id: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: { name: `Author ${id}` },
    body: `Body ${id}`,
    createdAt: '2024-03-01T12:00:00.000Z',
    ...extra,
  };
}
