-- Police beats and council areas, for allocation by location.
CREATE TABLE beat (
	id		bigserial PRIMARY KEY,
	agency_id	bigint NOT NULL REFERENCES agency(id),
	code		text NOT NULL UNIQUE,
	name		text NOT NULL,
	geom		geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX beat_geom ON beat USING gist (geom);

CREATE TABLE la_area (
	id		bigserial PRIMARY KEY,
	agency_id	bigint NOT NULL REFERENCES agency(id),
	code		text NOT NULL UNIQUE,
	name		text NOT NULL,
	geom		geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX la_area_geom ON la_area USING gist (geom);

GRANT SELECT ON beat, la_area TO concord_app;
