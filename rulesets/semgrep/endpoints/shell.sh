#!/usr/bin/env bash
# Annotated test file for endpoint-literal-shell.
set -euo pipefail
# ruleid: endpoint-literal-shell
export API_URL=https://api.example.com/v1
# ruleid: endpoint-literal-shell
export AWS_DEFAULT_REGION=eu-west-2
# ruleid: endpoint-literal-shell
aws s3 cp build.tar.gz s3://releases-bucket/app/ --region us-east-1
# ruleid: endpoint-literal-shell
curl -fsSL "https://get.example.org/install.sh" | bash
# ruleid: endpoint-literal-shell
psql -h db.example.net -p 5432 -U app
# ruleid: endpoint-literal-shell
gcloud run deploy app --region=europe-west3 --image=registry.example.com/app:1.2.3
# ruleid: endpoint-literal-shell
ping -c 1 192.0.2.10 # a comment after the command: https://comment.example.com
# a comment line is never matched: https://comment.example.com and eu-west-1
# ok: endpoint-literal-shell
echo "deployed" > deploy.log
# ok: endpoint-literal-shell
python3 manage.py migrate --noinput
# ok: endpoint-literal-shell
cp config.yaml /etc/app/config.yaml
# ok: endpoint-literal-shell
VERSION=1.2.3
# CI and Makefile recipes read by this rule (engines.masked): a registry as a command word or
# as an option's value
# ruleid: endpoint-literal-shell
gcloud auth configure-docker us-docker.pkg.dev
# ruleid: endpoint-literal-shell
skaffold run --default-repo=us-docker.pkg.dev/acme/images
# ruleid: endpoint-literal-shell
	@docker push $(IMAGE) && curl -fsS https://hooks.example.cn/deployed
# ok: endpoint-literal-shell
	$(MAKE) -C docs html && cp -r build/html $(DESTDIR)/docs
# ok: endpoint-literal-shell
echo "to modify your sentry.conf.py file, see jquery.min.js and index.d.ts"
