-- The dispatch board lists a jurisdiction's cases by state (a street's by township, a district's by county, a
-- community's by community: casework_case_community exists), and the front desk looks for open cases of a category
-- received recently near a point (bounding box on lng/lat after these columns narrow it).
create index casework_desk_township on casework_case (township_id, state, deadline);
create index casework_desk_county on casework_case (county_id, state, deadline);
create index casework_desk_grid on casework_case (grid_id, state);
create index casework_desk_category on casework_case (category_code, state, received_at);
