import { MessageKind, MessageLanguage } from './touchpoint-rules';

/**
 * The customers' messages, in Chinese and English: pure text composition from the trip's facts. The handbook is
 * put together from the trip's category (what a family, a honeymoon or a business trip needs) and the season at
 * the destination when they travel (what to pack).
 */
export interface MessageFacts {
  customerName: string;
  destination: string | null;
  category: string | null;
  departureDate: string | null;
  returnDate: string | null;
  ownerName: string;
  ownerEmail: string;
  /** The signed survey link, for the NPS survey. */
  surveyUrl?: string;
}

export interface ComposedMessage {
  subject: string;
  body: string;
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter' | 'tropical';

// Destinations near the equator have one season; south of it the seasons are the other way round.
const TROPICAL = /三亚|海南|西双版纳|巴厘|普吉|苏梅|甲米|马尔代夫|泰国|曼谷|清迈|新加坡|马来西亚|吉隆坡|沙巴|菲律宾|长滩|宿务|越南|芽庄|柬埔寨|印尼|斯里兰卡|毛里求斯|塞舌尔|大溪地|夏威夷|bali|phuket|samui|krabi|maldives|thailand|bangkok|chiang ?mai|singapore|malaysia|kuala lumpur|sabah|philippines|boracay|cebu|vietnam|nha trang|cambodia|indonesia|sri lanka|mauritius|seychelles|tahiti|hawaii|sanya|hainan/i;
const SOUTHERN = /澳大利亚|澳洲|悉尼|墨尔本|布里斯班|凯恩斯|新西兰|奥克兰|皇后镇|南非|开普敦|阿根廷|智利|巴西|秘鲁|南极|australia|sydney|melbourne|brisbane|cairns|new zealand|auckland|queenstown|south africa|cape town|argentina|chile|brazil|peru|antarctica/i;
const NORTHERN_SEASONS: Season[] = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'];
const FLIP: Record<Season, Season> = { spring: 'autumn', summer: 'winter', autumn: 'spring', winter: 'summer', tropical: 'tropical' };

/** The season at the destination in the month of departure. */
export function seasonAt(destination: string | null, departureDate: string): Season {
  if (destination && TROPICAL.test(destination)) return 'tropical';
  const northern = NORTHERN_SEASONS[Number(departureDate.slice(5, 7)) - 1];
  return destination && SOUTHERN.test(destination) ? FLIP[northern] : northern;
}

type Text = Record<MessageLanguage, string>;

const PACKING: Record<Season, Text> = {
  spring: { 'zh-CN': '早晚温差大：薄外套、长袖、雨具、舒适的步行鞋。', en: 'Cool mornings and evenings: a light jacket, long sleeves, rain gear and comfortable walking shoes.' },
  summer: { 'zh-CN': '天气炎热：防晒霜、太阳镜、遮阳帽、透气衣物，多备饮用水。', en: 'Hot weather: sunscreen, sunglasses, a sun hat, breathable clothes, and plenty of water.' },
  autumn: { 'zh-CN': '秋高气爽但转凉：毛衣或抓绒、防风外套、润唇膏。', en: 'Crisp and cooling: a sweater or fleece, a windproof jacket and lip balm.' },
  winter: { 'zh-CN': '天气寒冷：羽绒服、保暖内衣、手套帽子、防滑鞋。', en: 'Cold weather: a down jacket, thermal layers, gloves and a hat, and shoes with grip.' },
  tropical: { 'zh-CN': '热带气候：轻薄衣物、泳衣、高倍防晒、驱蚊液、一件防雨外套。', en: 'Tropical climate: light clothes, swimwear, high-factor sunscreen, insect repellent and a rain jacket.' },
};

const CATEGORY_TIPS: Record<string, Text> = {
  family: { 'zh-CN': '带孩子出行：备好儿童常用药、零食和证件复印件。', en: 'Travelling with children: pack their usual medicines, snacks and copies of their documents.' },
  honeymoon: { 'zh-CN': '蜜月旅行：我们已向酒店说明，入住时请提及。', en: 'Honeymoon: we have told the hotel — mention it at check-in.' },
  business: { 'zh-CN': '商务出行：正装、名片、转换插头和充电器。', en: 'Business trip: formal wear, business cards, plug adapters and chargers.' },
  group: { 'zh-CN': '跟团出行：请准时到集合地点，佩戴团队标识，保存领队电话。', en: 'Group tour: be at the meeting point on time, wear the group badge and keep the tour leader’s number.' },
  independent: { 'zh-CN': '自由行：下载离线地图，随身携带保险单和酒店地址。', en: 'Travelling on your own: download offline maps and carry your insurance policy and hotel addresses.' },
  custom: { 'zh-CN': '定制行程：行程单和每日司导联系方式已附上，如需调整随时联系我们。', en: 'Tailor-made trip: your itinerary and each day’s guide contacts are attached — tell us anytime if you want changes.' },
};

/** The Ministry of Foreign Affairs' 24-hour consular protection line, valid wherever the traveller is. */
const CONSULAR_HOTLINE = '+86-10-12308';

export function composeMessage(kind: MessageKind, lang: MessageLanguage, f: MessageFacts): ComposedMessage {
  const zh = lang === 'zh-CN';
  const where = f.destination ?? (zh ? '目的地' : 'your destination');
  const owner = `${f.ownerName} (${f.ownerEmail})`;
  switch (kind) {
    case 'pre_trip_handbook': {
      const season = seasonAt(f.destination, f.departureDate!);
      const tip = f.category ? CATEGORY_TIPS[f.category] : undefined;
      const dates = f.returnDate && f.returnDate !== f.departureDate ? `${f.departureDate} – ${f.returnDate}` : f.departureDate!;
      const lines = zh
        ? [`${f.customerName}，您好！`, `您的${where}之旅即将出发（${dates}）。出行手册如下：`, `【行李】${PACKING[season][lang]}`,
          ...(tip ? [`【提示】${tip[lang]}`] : []), `【紧急联系】您的客户经理 ${owner}；外交部全球领事保护与服务应急热线 ${CONSULAR_HOTLINE}（24小时）。`, '祝您旅途愉快！']
        : [`Dear ${f.customerName},`, `Your trip to ${where} is coming up (${dates}). Your travel handbook:`, `Packing: ${PACKING[season][lang]}`,
          ...(tip ? [`Tip: ${tip[lang]}`] : []), `Emergency contacts: your account manager ${owner}; China’s 24-hour consular protection hotline ${CONSULAR_HOTLINE}.`, 'Have a wonderful trip!'];
      return { subject: zh ? `${where}出行手册（${f.departureDate} 出发）` : `Your handbook for ${where} (departing ${f.departureDate})`, body: lines.join('\n') };
    }
    case 'nps_survey':
      return zh
        ? { subject: `${where}之行感受如何？`, body: `${f.customerName}，您好！欢迎从${where}归来。您有多大可能把我们推荐给亲友？请用一分钟告诉我们（0–10分）：\n${f.surveyUrl}\n感谢！—— ${f.ownerName}` }
        : { subject: `How was ${where}?`, body: `Dear ${f.customerName}, welcome back from ${where}. How likely are you to recommend us to a friend? Tell us in a minute (0–10):\n${f.surveyUrl}\nThank you! — ${f.ownerName}` };
    case 'where_next_vote':
      return zh
        ? { subject: '下一站去哪儿？', body: `${f.customerName}，您好！${where}之行结束了，希望大家玩得开心。下一次团队出游想去哪里？直接回复目的地告诉我们，票数最多的我们优先安排。—— ${f.ownerName}` }
        : { subject: 'Where to next?', body: `Dear ${f.customerName}, we hope the group enjoyed ${where}. Where should the next trip go? Reply with a destination — we plan the most-voted one first. — ${f.ownerName}` };
    case 'birthday_greeting':
      return zh
        ? { subject: '生日快乐！', body: `${f.customerName}，生日快乐！愿新的一岁有更多美好的旅程。—— ${f.ownerName}` }
        : { subject: 'Happy birthday!', body: `Happy birthday, ${f.customerName}! May the year ahead bring many wonderful journeys. — ${f.ownerName}` };
  }
}
