# Annotated test file for endpoint-literal-dockerfile.
# ruleid: endpoint-literal-dockerfile
FROM registry.example.com/base/python:3.11 AS build
# ok: endpoint-literal-dockerfile
FROM python:3.11-slim
# ruleid: endpoint-literal-dockerfile
ENV API_URL=https://api.example.com/v1 \
    PYTHONUNBUFFERED=1 \
# ruleid: endpoint-literal-dockerfile
    AWS_REGION=eu-west-2
# ruleid: endpoint-literal-dockerfile
ARG MIRROR=mirror.example.net
# ruleid: endpoint-literal-dockerfile
ENV CACHE_HOST cache.example.org:6379
# ruleid: endpoint-literal-dockerfile
RUN curl -fsSL https://deb.example.org/setup.sh | bash - && pip install --index-url https://pypi.example.com/simple app
# ruleid: endpoint-literal-dockerfile
CMD ["python", "-m", "app", "--upstream", "upstream.example.com:9000"]
# ruleid: endpoint-literal-dockerfile
LABEL org.opencontainers.image.source=https://github.com/example/app
# ok: endpoint-literal-dockerfile
COPY requirements.txt ./
# ok: endpoint-literal-dockerfile
WORKDIR /srv/app
# ok: endpoint-literal-dockerfile
EXPOSE 8080
# ok: endpoint-literal-dockerfile
USER 10001
# ok: endpoint-literal-dockerfile
HEALTHCHECK CMD python -c "import app" || exit 1
# a comment line is never matched: https://comment.example.com and eu-west-1
# ok: endpoint-literal-dockerfile
RUN pip install flask==3.0.0 requests==2.31.0
