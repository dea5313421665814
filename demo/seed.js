// The seed blog post's comment section (see README): the same three comments in each language, and
// a fourth, seed-style reply that shows the markdown subset (a list, strong, emphasis, code, a link, a quote).
// The demo stores them once and shows each in the reader's language; posted comments are stored as typed.
export const seedComments = [
  {
    "id": "seed-1",
    "parentId": null,
    "author": {
      "name": "nickstamoulis"
    },
    "createdAt": "2024-03-12T09:14:00Z",
    "body": {
      "sw": "Mikakati na malengo ya media ya kijamii ni tofauti kwa kila biashara. Wakati biashara zingine zinaweza kupata kuwa media ya kijamii ni mahali pazuri pa kufanya mashindano au kuchapisha punguzo, hiyo inaweza kuwa sio hatua sahihi kwa biashara zote. Ni muhimu kukaa kweli kwa kitambulisho chako cha chapa.",
      "hi": "सोशल मीडिया की रणनीति और लक्ष्य हर व्यवसाय के लिए अलग हैं। जबकि कुछ व्यवसायों को लग सकता है कि सोशल मीडिया प्रतियोगिता आयोजित करने या छूट देने के लिए एक शानदार स्थान है, जो सभी व्यवसायों के लिए कार्रवाई का सही कोर्स नहीं हो सकता है। अपनी ब्रांड पहचान के लिए सही रहना महत्वपूर्ण है।",
      "en": "Social media strategies and goals are different for every business. While some businesses may find that social media is a great place to hold contests or offer discounts, that may not be the right course of action for all businesses. It's important to stay true to your brand identity."
    }
  },
  {
    "id": "seed-2",
    "parentId": "seed-1",
    "author": {
      "name": "Martech Zone"
    },
    "createdAt": "2024-03-12T11:02:00Z",
    "body": {
      "sw": "Kukubali kabisa, @nickstamoulis: disqus! Na nadhani wakati mwingine tunazingatia ROI kuhalalisha kila senti na hatuhitaji. Wakati mwingine ni vizuri tu kupata jina lako huko nje bila kutarajia kwamba dola zitanyesha!",
      "hi": "पूरी तरह से सहमत हैं, @nickstamoulis: disqus! और मुझे लगता है कि कभी-कभी हम हर पैसे को सही ठहराने के लिए ROI पर ध्यान केंद्रित करते हैं और हमें इसकी आवश्यकता नहीं है। कभी-कभी यह उम्मीद के बिना कि आपका नाम बाहर आने के लिए अच्छा है कि डॉलर की बारिश होने जा रही है!",
      "en": "Totally agree, @nickstamoulis: disqus! And I think sometimes we focus on ROI to justify every penny and we don't need to. Sometimes it's just good to get your name out there without expecting that it's going to rain dollars!"
    }
  },
  {
    "id": "seed-3",
    "parentId": null,
    "author": {
      "name": "Reader"
    },
    "createdAt": "2024-03-14T16:45:00Z",
    "body": {
      "sw": "Wow, data hizi ni muhimu sana na zinavutia. Asante sana!\nVyombo vya habari vya kijamii kweli ni moja wapo ya media maarufu, inayotumiwa sana siku hizi",
      "hi": "वाह, ये डेटा बहुत उपयोगी और दिलचस्प हैं। आपका बहुत बहुत धन्यवाद!\nसोशल मीडिया वास्तव में सबसे प्रसिद्ध में से एक है, इन दिनों व्यापक रूप से विपणन मीडिया का उपयोग करें।",
      "en": "Wow, this data is very useful and interesting. Thank you very much!\nSocial media really is one of the most popular media, widely used these days."
    }
  },
  {
    "id": "seed-4",
    "parentId": "seed-3",
    "author": {
      "name": "Amina Wanjiru"
    },
    "createdAt": "2024-03-15T08:20:00Z",
    "body": {
      "sw": "Nakubali, @Reader! Mambo matatu yaliyotusaidia:\n1. **Pima** kilicho muhimu, si idadi ya ‘likes’ pekee\n2. Jibu *kila* swali la mteja\n3. Tumia viungo vya `UTM`, k.m. https://example.com/roi?utm_source=blog\n> Mitandao ya kijamii ni mazungumzo, si tangazo.",
      "hi": "सहमत हूँ, @Reader! हमारे लिए तीन बातें काम आईं:\n1. जो मायने रखता है उसे **मापें**, सिर्फ़ लाइक नहीं\n2. ग्राहक के *हर* सवाल का जवाब दें\n3. `UTM` लिंक इस्तेमाल करें, जैसे https://example.com/roi?utm_source=blog\n> सोशल मीडिया एक बातचीत है, प्रसारण नहीं।",
      "en": "Agreed, @Reader! Three things that worked for us:\n1. **Measure** what matters, not just the number of likes\n2. Answer *every* customer question\n3. Use `UTM` links, e.g. https://example.com/roi?utm_source=blog\n> Social media is a conversation, not a broadcast."
    }
  }
];

export const post = {
  "sw": {
    "title": "Rudi kwenye Uwekezaji wa Media ya Jamii",
    "subtitle": "ROI ya Jamii Media",
    "paragraphs": [
      "Vyombo vya habari vya kijamii vilikuwa na ahadi nzuri kama njia ya kukuza uhusiano kati ya mteja au mteja na biashara inayotoa bidhaa au huduma. Kampuni nyingi ziliruka mara moja kwenye bodi lakini ROI imekuwa ngumu kwani haikuishia mapato ya mara moja au ya moja kwa moja.",
      "Kabla ya kuweka mpango wako wa kijamii kwa mafanikio, ni muhimu kuelewa ni shughuli gani zinaendesha kweli ROI katika jamii. Je! Ni uuzaji wa yaliyomo, ufahamu wa kijamii, au juhudi za utetezi na uhifadhi kama huduma ya wateja wa kijamii?"
    ]
  },
  "hi": {
    "title": "सोशल मीडिया निवेश पर प्रतिफल",
    "subtitle": "सोशल मीडिया का आरओआई",
    "paragraphs": [
      "सोशल मीडिया ने ग्राहक या ग्राहक और उत्पादों या सेवा प्रदान करने वाले व्यवसाय के बीच संबंधों को बढ़ावा देने के माध्यम के रूप में अविश्वसनीय वादा किया था। कई कंपनियों ने तुरंत बोर्ड पर छलांग लगाई, लेकिन आरओआई मायावी था क्योंकि यह अक्सर तत्काल या प्रत्यक्ष राजस्व में समाप्त नहीं होता था।",
      "इससे पहले कि आप अपने सामाजिक कार्यक्रम को सफलता के लिए स्थापित कर सकें, यह समझना महत्वपूर्ण है कि कौन सी गतिविधियाँ वास्तव में सामाजिक रूप से ROI चला रही हैं। क्या यह सामग्री विपणन, सामाजिक अंतर्दृष्टि, या वकालत और प्रतिधारण प्रयास जैसे सामाजिक ग्राहक सेवा है?"
    ]
  },
  "en": {
    "title": "Social Media Return on Investment",
    "subtitle": "Social Media ROI",
    "paragraphs": [
      "Social media held incredible promise as a way to foster relationships between a customer or client and the business providing products or services. Many companies jumped on board right away, but ROI has been elusive because it often did not end in immediate or direct revenue.",
      "Before you can set your social program up for success, it is important to understand which activities actually drive ROI in social. Is it content marketing, social insights, or social customer care such as advocacy and retention efforts?"
    ]
  }
};

export const notice = {
  "sw": {
    "text": "Tovuti hii inatumia Akismet kupunguza spam.",
    "link": "Jifunze jinsi maoni yako yanasindika."
  },
  "hi": {
    "text": "यह साइट स्पैम कम करने के लिए Akismet का उपयोग करती है।",
    "link": "जानें कि आपकी टिप्पणी का डेटा कैसे संसाधित किया जाता है।"
  },
  "en": {
    "text": "This site uses Akismet to reduce spam.",
    "link": "Learn how your comment data is processed."
  }
};
