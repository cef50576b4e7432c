<?php
// Annotated test file for endpoint-literal-php.
// ok: endpoint-literal-php
// $old = "https://comment.example.com";
# ok: endpoint-literal-php
# $old = "https://hash-comment.example.com";
/* ok: endpoint-literal-php */
/* 'block.example.com' */
// ruleid: endpoint-literal-php
$api = "https://api.example.com/v1";
// ruleid: endpoint-literal-php
$host = 'db.example.com';
// ruleid: endpoint-literal-php
$url = "https://{$tenant}.example.com/path";
// ruleid: endpoint-literal-php
$s3 = new S3Client(['region' => 'sa-east-1']);
// ok: endpoint-literal-php
$name = 'orders';
