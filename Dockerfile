# The admin console is bundled with node; only its built files go into the image.
FROM node:20-slim AS admin
WORKDIR /build
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/admin ./admin
RUN npm run build

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////data/sendguard.db

WORKDIR /srv/sendguard
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.lock
COPY app ./app
COPY frontend ./frontend
COPY --from=admin /build/admin/dist ./frontend/admin/dist
COPY addin_manifest ./addin_manifest
RUN pip install --no-cache-dir --no-deps . \
    && useradd --system --uid 10001 --home-dir /srv/sendguard sendguard \
    && mkdir -p /data && chown sendguard /data

USER sendguard
EXPOSE 8000
# The schema is brought up to date at start-up (safe with several replicas on PostgreSQL).
# uvicorn binds UVICORN_HOST; the service reads it too (AUTH_MODE=dev refuses a network address).
ENV UVICORN_HOST=0.0.0.0
CMD ["uvicorn", "app.main:app", "--port", "8000", "--proxy-headers"]
