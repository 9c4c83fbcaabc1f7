-- One database per service (docker-compose only).
create database genomics;
create database evidence;
create database therapy;
create database gateway;
