# Annotated test file for endpoint-literal-ruby.
# ok: endpoint-literal-ruby
# API = "https://comment.example.com"
# ruleid: endpoint-literal-ruby
API = "https://api.example.com/v1"
# ruleid: endpoint-literal-ruby
host = 'db.example.com'
# ruleid: endpoint-literal-ruby
url = "https://#{tenant}.example.com/path"
# ruleid: endpoint-literal-ruby
Aws.config.update(region: 'us-west-1')
# ok: endpoint-literal-ruby
name = 'orders'
=begin
ok: endpoint-literal-ruby
"https://block-comment.example.com"
=end
# ok: endpoint-literal-ruby
version = "1.2.3"
