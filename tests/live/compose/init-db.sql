-- One PostgreSQL (with PostGIS) for every server of the live-test stack: a database and a
-- user per server, as each project's own docker-compose.yml sets them up.
CREATE USER openzaak;
CREATE DATABASE openzaak OWNER openzaak;
CREATE USER opennotificaties;
CREATE DATABASE opennotificaties OWNER opennotificaties;
CREATE USER openklant;
CREATE DATABASE openklant OWNER openklant;
CREATE USER objects;
CREATE DATABASE objects OWNER objects;
CREATE USER openvtb;
CREATE DATABASE openvtb OWNER openvtb;
CREATE USER openproduct;
CREATE DATABASE openproduct OWNER openproduct;
\c openzaak
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
\c objects
CREATE EXTENSION IF NOT EXISTS postgis;
\c openklant
CREATE EXTENSION IF NOT EXISTS postgis;
