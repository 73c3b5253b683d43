/**
 * What a traveller was doing at a destination, for the memory line of a reactivation message, and the
 * destination's English name. Keyed by the destination as booking systems send it (Chinese names); a
 * destination not listed gets a plain "travelling in X".
 */
export interface DestinationPhrase {
  en: string;
  /** Completes "一年前的今天，你…". */
  zhMoment: string;
  /** Completes "A year ago today you were …". */
  enMoment: string;
}

export const DESTINATION_PHRASES: Readonly<Record<string, DestinationPhrase>> = {
  清迈: { en: 'Chiang Mai', zhMoment: '在清迈的咖啡馆晒太阳', enMoment: 'soaking up the sun in a Chiang Mai café' },
  三亚: { en: 'Sanya', zhMoment: '在三亚的海边踏浪', enMoment: 'wading through the surf on a Sanya beach' },
  丽江: { en: 'Lijiang', zhMoment: '在丽江古城的石板路上闲逛', enMoment: 'wandering the cobbled lanes of Lijiang old town' },
  西安: { en: "Xi'an", zhMoment: '在西安的城墙上骑车', enMoment: "cycling along the city wall of Xi'an" },
  桂林: { en: 'Guilin', zhMoment: '在漓江上看山水', enMoment: 'drifting down the Li River among the karst peaks of Guilin' },
  厦门: { en: 'Xiamen', zhMoment: '在厦门的鼓浪屿听海', enMoment: 'listening to the sea on Gulangyu in Xiamen' },
  成都: { en: 'Chengdu', zhMoment: '在成都的茶馆里喝盖碗茶', enMoment: 'sipping tea in a Chengdu teahouse' },
  张家界: { en: 'Zhangjiajie', zhMoment: '在张家界的峰林间穿行', enMoment: 'walking among the stone pillars of Zhangjiajie' },
  九寨沟: { en: 'Jiuzhaigou', zhMoment: '在九寨沟的彩池边驻足', enMoment: 'pausing by the coloured lakes of Jiuzhaigou' },
  东京: { en: 'Tokyo', zhMoment: '在东京的街头寻找拉面', enMoment: 'hunting for ramen in the streets of Tokyo' },
  大阪: { en: 'Osaka', zhMoment: '在大阪的道顿堀吃章鱼烧', enMoment: 'eating takoyaki in Dotonbori, Osaka' },
  曼谷: { en: 'Bangkok', zhMoment: '在曼谷的夜市里逛吃', enMoment: 'grazing through a Bangkok night market' },
  普吉岛: { en: 'Phuket', zhMoment: '在普吉岛看日落', enMoment: 'watching the sunset in Phuket' },
  巴厘岛: { en: 'Bali', zhMoment: '在巴厘岛的稻田边散步', enMoment: 'strolling past the rice terraces of Bali' },
  马尔代夫: { en: 'the Maldives', zhMoment: '在马尔代夫的水屋里看海', enMoment: 'gazing at the sea from a Maldives water villa' },
  新加坡: { en: 'Singapore', zhMoment: '在新加坡的滨海湾看灯光秀', enMoment: 'watching the light show at Marina Bay, Singapore' },
  首尔: { en: 'Seoul', zhMoment: '在首尔的景福宫穿韩服拍照', enMoment: 'posing in hanbok at Gyeongbokgung in Seoul' },
  巴黎: { en: 'Paris', zhMoment: '在巴黎的塞纳河畔散步', enMoment: 'walking along the Seine in Paris' },
  瑞士: { en: 'Switzerland', zhMoment: '在瑞士的雪山下坐火车', enMoment: 'riding a train beneath the Swiss Alps' },
  悉尼: { en: 'Sydney', zhMoment: '在悉尼的歌剧院前吹海风', enMoment: 'feeling the sea breeze by the Sydney Opera House' },
  迪拜: { en: 'Dubai', zhMoment: '在迪拜的沙漠里冲沙', enMoment: 'dune-bashing in the desert outside Dubai' },
};

export const destinationName = (destination: string, language: 'zh-CN' | 'en'): string =>
  language === 'en' ? (DESTINATION_PHRASES[destination]?.en ?? destination) : destination;

export function momentAt(destination: string, language: 'zh-CN' | 'en'): string {
  const phrase = DESTINATION_PHRASES[destination];
  if (language === 'zh-CN') return phrase?.zhMoment ?? `在${destination}旅行`;
  return phrase?.enMoment ?? `travelling in ${destination}`;
}
