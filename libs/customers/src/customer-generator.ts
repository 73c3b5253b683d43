/**
 * Realistic customers made by the database itself, set-based: demo data (a few hundred) and the
 * benchmark (a million) use the same statement. Chinese and Latin names, mobile numbers, cities,
 * organisations and partners, spread over the given owners. Deterministic for a given seed.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华文亮志强俊杰子涵欣怡浩然梓萱宇轩雨桐思远一鸣嘉怡佳琪晨曦博文天佑雅婷';
const LATIN_FIRST = ['James', 'Emma', 'Olivia', 'Liam', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Anna', 'David', 'Grace', 'Daniel', 'Chloe', 'Kevin', 'Lily'];
const LATIN_LAST = ['Smith', 'Brown', 'Wilson', 'Taylor', 'Lee', 'Martin', 'Walker', 'Young', 'King', 'Wright', 'Chen', 'Wong', 'Tan', 'Lim', 'Ng', 'Ho'];
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '武汉', '西安', '苏州', '重庆', '天津', '长沙', '厦门', '青岛', '昆明'];
const ORG_WORDS = ['华东', '远航', '星辰', '中联', '盛世', '东方', '锦程', '恒信', '天成', '新纪元', '汇通', '鼎盛'];
const ORG_KINDS = ['科技有限公司', '集团', '贸易有限公司', '制药股份有限公司', '文化传媒有限公司', '教育咨询有限公司'];
const PARTNER_NAMES = ['国际旅行社', '地接社', '旅游分销中心', '假期旅行社'];
const OCCUPATIONS = ['教师', '医生', '工程师', '律师', '设计师', '企业主', '公务员', '会计', '销售经理', '退休'];
const TAGS = ['亲子', '海岛', '蜜月', '商务', '老人同行', '美食', '摄影', '滑雪', '自驾', '高端酒店', 'family', 'island'];

const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const chars = (s: string) => [...s];

/** One INSERT … SELECT over generate_series; $1 = count, $2 = owner ids (uuid[]), $3 = seed in [-1, 1], $4 = offset (batches),
 * $5 = whether to invent lifetime values (the benchmark, which has no bookings; never the demo). Writes the customers and, with $5, their value rows. */
export const GENERATE_CUSTOMERS_SQL = `
WITH seed AS (SELECT setseed($3::float8)),
rows AS (
  SELECT g, random() AS r_type, random() AS r_name, random() AS r_given, random() AS r_given2, random() AS r_latin,
         random() AS r_city, random() AS r_org, random() AS r_kind, random() AS r_phone, random() AS r_email,
         random() AS r_owner, random() AS r_tags, random() AS r_age, random() AS r_created, random() AS r_occ
  FROM seed, generate_series($4::int + 1, $4::int + $1::int) AS g
),
named AS (
  SELECT r.*,
    CASE WHEN r_type < 0.8 THEN 'individual' WHEN r_type < 0.93 THEN 'organization' ELSE 'partner' END AS type,
    CASE WHEN r_latin < 0.12
      THEN (${sqlArray(LATIN_FIRST)})[1 + floor(r_name * ${LATIN_FIRST.length})::int] || ' ' || (${sqlArray(LATIN_LAST)})[1 + floor(r_given * ${LATIN_LAST.length})::int]
      ELSE (${sqlArray(chars(SURNAMES))})[1 + floor(r_name * ${chars(SURNAMES).length})::int]
        || (${sqlArray(chars(GIVEN))})[1 + floor(r_given * ${chars(GIVEN).length})::int]
        || CASE WHEN r_given2 < 0.6 THEN (${sqlArray(chars(GIVEN))})[1 + floor(r_given2 / 0.6 * ${chars(GIVEN).length})::int] ELSE '' END
    END AS person,
    (${sqlArray(ORG_WORDS)})[1 + floor(r_org * ${ORG_WORDS.length})::int] AS org_word
  FROM rows r
), inserted AS (
INSERT INTO customers (type, name, partner_kind, phone, email, organization, city, birthday, occupation, tags,
                       consent_sms, consent_email, consent_wechat, consent_phone, owner_id, created_at)
SELECT type,
  CASE type WHEN 'individual' THEN person
            WHEN 'organization' THEN (${sqlArray(CITIES)})[1 + floor(r_city * ${CITIES.length})::int] || org_word || (${sqlArray(ORG_KINDS)})[1 + floor(r_kind * ${ORG_KINDS.length})::int]
            ELSE (${sqlArray(CITIES)})[1 + floor(r_city * ${CITIES.length})::int] || org_word || (${sqlArray(PARTNER_NAMES)})[1 + floor(r_kind * ${PARTNER_NAMES.length})::int] END,
  CASE WHEN type = 'partner' THEN (ARRAY['upstream_agency','ground_handler','distributor'])[1 + floor(r_kind * 3)::int] END,
  CASE WHEN r_phone < 0.92 THEN '+861' || (ARRAY['3','5','7','8','9'])[1 + floor(r_phone * 5)::int] || lpad((g::bigint * 7919 % 1000000000)::text, 9, '0') END,
  CASE WHEN r_email < 0.7 THEN 'c' || g || '.' || substr(md5(g::text), 1, 6) || (ARRAY['@qq.com','@163.com','@gmail.com','@outlook.com'])[1 + floor(r_email / 0.7 * 4)::int] END,
  CASE WHEN type = 'individual' AND r_org < 0.3 THEN org_word || (${sqlArray(ORG_KINDS)})[1 + floor(r_kind * ${ORG_KINDS.length})::int] END,
  (${sqlArray(CITIES)})[1 + floor(r_city * ${CITIES.length})::int],
  CASE WHEN type = 'individual' AND r_age < 0.85 THEN DATE '1950-01-01' + floor(r_age / 0.85 * 20000)::int END,
  CASE WHEN type = 'individual' THEN (${sqlArray(OCCUPATIONS)})[1 + floor(r_occ * ${OCCUPATIONS.length})::int] END,
  CASE WHEN r_tags < 0.6 THEN ARRAY[(${sqlArray(TAGS)})[1 + floor(r_tags / 0.6 * ${TAGS.length})::int]] ELSE '{}' END,
  r_phone < 0.7, r_email < 0.5, r_tags < 0.8, r_phone < 0.4,
  ($2::uuid[])[1 + floor(r_owner * array_length($2::uuid[], 1))::int],
  now() - make_interval(secs => r_created * 3 * 365 * 86400)
FROM named
RETURNING id
)
-- The value rows come from the customers' trigger; invented values are written first (the trigger then skips them).
INSERT INTO customer_values (customer_id, lifetime_value)
SELECT id, CASE WHEN r_value < 0.3 THEN 0 ELSE floor(power(r_value, 4) * 50000000)::bigint END
FROM (SELECT id, random() AS r_value FROM inserted WHERE $5::boolean) v`;

/** Every generated customer's first owner, as history: one statement after the insert. */
export const GENERATED_OWNER_HISTORY_SQL = `
INSERT INTO customer_owner_changes (customer_id, from_user_id, to_user_id, reason, at)
SELECT c.id, NULL, c.owner_id, 'created', c.created_at FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM customer_owner_changes h WHERE h.customer_id = c.id)`;
