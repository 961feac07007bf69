-- The default synonym groups of the knowledge-base search; administrators edit them on /knowledge/synonyms.
insert into knowledge_synonym (words, changed_by, changed_at) values
    ('暖气,供暖,采暖,供热', 'system', current_timestamp),
    ('漏水,渗水,跑水', 'system', current_timestamp),
    ('停水,断水,没水', 'system', current_timestamp),
    ('停电,断电,没电', 'system', current_timestamp),
    ('燃气,煤气,天然气', 'system', current_timestamp),
    ('低保,最低生活保障', 'system', current_timestamp),
    ('噪音,噪声,吵闹', 'system', current_timestamp),
    ('井盖,窨井盖', 'system', current_timestamp),
    ('残疾人证,残疾证', 'system', current_timestamp),
    ('工资,薪水,工钱', 'system', current_timestamp),
    ('物业,物业公司,物管', 'system', current_timestamp),
    ('积雪,冰雪,结冰', 'system', current_timestamp);
