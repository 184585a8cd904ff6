#!/bin/sh
# Stands in for Prisma 7's native schema engine, which cannot be downloaded here (see prisma.config.ts).
echo "No native Prisma schema engine here: migrations run through the 6.19.3 CLI (npm run db:deploy, db:status, db:migration)" >&2
exit 1
