-- worktime: the official calendar's departures from the Monday–Friday week (public holidays and make-up working
-- days), seeded from worktime/china-official-calendar.csv on first start and edited by city administrators after
-- that (the State Council publishes the next year's schedule each autumn). A day not listed here is a working day
-- exactly when it is Monday to Friday.
create table worktime_calendar_day (
    calendar_date date         primary key,
    kind          varchar(20)  not null,
    name_en       varchar(100) not null,
    name_zh       varchar(100) not null,
    changed_by    varchar(64)  not null,
    changed_at    timestamp with time zone not null,
    constraint worktime_calendar_day_kind check (kind in ('holiday', 'makeup_workday'))
);
