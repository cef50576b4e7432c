"""MyBatis mappers (Java) and Mongoose models (JavaScript, TypeScript) are declared in one
file and used in others: scanned end to end (real semgrep, the cross-file join in the scan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gateway.test_semgrep_rules import needs_semgrep
from tests.gateway.test_spring_injection import SRC, _scan, _write

MAPPER = "org.apache.ibatis.annotations.Mapper"
PLUS = "com.baomidou.mybatisplus.core.mapper.BaseMapper"


@pytest.fixture
def mybatis_tree(tmp_path: Path) -> Path:
    (tmp_path / "auditkit.toml").write_text(
        f'[gateway]\nname = "data-gateway"\npaths = ["{SRC}/gateway/**"]\n'
    )
    # Inside the gateway: a mapper and a call on it, both exempt.
    _write(tmp_path, f"{SRC}/gateway/UserMapper.java", (
        "package com.example.gateway;\n"
        "import org.apache.ibatis.annotations.Mapper;\n"
        "@Mapper\n"
        "public interface UserMapper { Object find(String id); }\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/gateway/Users.java", (
        "package com.example.gateway;\n"
        "class Users {\n"
        "    private final UserMapper mapper;\n"
        "    Users(UserMapper mapper) { this.mapper = mapper; }\n"
        "    Object one(String id) { return mapper.find(id); }\n"
        "}\n"
    ))  # fmt: skip
    # Outside: a mapper named like a service (gothinkster's realworld app).
    _write(tmp_path, f"{SRC}/readservice/ArticleReadService.java", (
        "package com.example.readservice;\n"
        "import org.apache.ibatis.annotations.Mapper;\n"
        "import org.apache.ibatis.annotations.Param;\n"
        "@Mapper\n"
        "public interface ArticleReadService {\n"
        '    Object findById(@Param("id") String id);\n'
        "}\n"
    ))  # fmt: skip
    # MyBatis-Plus, found by @MapperScan without @Mapper.
    _write(tmp_path, f"{SRC}/readservice/TagMapper.java", (
        "package com.example.readservice;\n"
        "import com.baomidou.mybatisplus.core.mapper.BaseMapper;\n"
        "public interface TagMapper extends BaseMapper<Tag> {}\n"
    ))  # fmt: skip
    # A same-named-style interface without @Mapper: a plain service.
    _write(tmp_path, f"{SRC}/application/TagService.java", (
        "package com.example.application;\n"
        "public interface TagService { Object all(); }\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/application/ArticleQueryService.java", (
        "package com.example.application;\n"
        "import com.example.gateway.UserMapper;\n"
        "import com.example.readservice.ArticleReadService;\n"
        "import lombok.AllArgsConstructor;\n"
        "@AllArgsConstructor\n"
        "public class ArticleQueryService {\n"
        "    private ArticleReadService articleReadService;\n"
        "    private final TagService tags;\n"
        "    private final UserMapper users;\n"
        "    private final TagMapper tagMapper;\n"
        "    public Object findById(String id) {\n"
        "        tags.all();\n"
        "        users.find(id);\n"
        "        tagMapper.selectList(null);\n"
        "        return articleReadService.findById(id);\n"
        "    }\n"
        "}\n"
    ))  # fmt: skip
    return tmp_path


@needs_semgrep
def test_mybatis_mappers_outside_the_gateway(mybatis_tree: Path) -> None:
    app = f"{SRC}/application/ArticleQueryService.java"
    assert _scan(mybatis_tree) == {
        (f"{SRC}/readservice/ArticleReadService.java", 5, MAPPER),
        # A call on the gateway's mapper from outside is a bypass; TagService is no mapper.
        (f"{SRC}/readservice/TagMapper.java", 3, PLUS),
        (app, 13, f"UserMapper ({MAPPER})"),
        (app, 14, f"TagMapper ({PLUS})"),
        (app, 15, f"ArticleReadService ({MAPPER})"),
    }


@pytest.fixture
def mongoose_tree(tmp_path: Path) -> Path:
    (tmp_path / "auditkit.toml").write_text(
        '[gateway]\nname = "data-gateway"\npaths = ["src/gateway/**"]\n'
    )
    # Inside the gateway: a model declared and used, exempt.
    _write(tmp_path, "src/gateway/audit.ts", (
        "import { Schema, model } from 'mongoose';\n"
        "export const Audit = model<IAudit>('Audit', new Schema({}));\n"
        "export const record = (id: string) => Audit.create({ id });\n"
    ))  # fmt: skip
    # Outside: models declared (TypeScript and CommonJS) and used from other files.
    _write(tmp_path, "src/models/user.ts", (
        "import mongoose from 'mongoose';\n"
        "const schema = new mongoose.Schema({ email: String });\n"
        "export const User = mongoose.model<IUser>('User', schema);\n"
    ))  # fmt: skip
    _write(tmp_path, "src/models/post.js", (
        "const mongoose = require('mongoose');\n"
        "module.exports = mongoose.model('Post', new mongoose.Schema({}));\n"
    ))  # fmt: skip
    # A model() of another library: no store.
    _write(tmp_path, "src/ml/classifier.ts", (
        "import { model } from './kit';\n"
        "export const Classifier = model('Classifier', {});\n"
    ))  # fmt: skip
    _write(tmp_path, "src/routes/users.ts", (
        "import { User } from '../models/user';\n"
        "import { Audit } from '../gateway/audit';\n"
        "import { Classifier } from '../ml/classifier';\n"
        "export async function show(id: string) {\n"
        "  const user = await User.findById(id);\n"
        "  await Audit.deleteOne({ id });\n"
        "  await Classifier.find(id);\n"
        "  const copy = new User({ email: 'x' });\n"
        "  await copy.save();\n"
        "  return user;\n"
        "}\n"
    ))  # fmt: skip
    _write(tmp_path, "src/routes/posts.js", (
        "const Post = require('../models/post');\n"
        "async function list() {\n"
        "  return Post.find({}).sort({ at: -1 });\n"
        "}\n"
        "module.exports = { list };\n"
    ))  # fmt: skip
    return tmp_path


@needs_semgrep
def test_mongoose_models_outside_the_gateway(mongoose_tree: Path) -> None:
    assert _scan(mongoose_tree) == {
        ("src/models/user.ts", 3, "mongoose.model"),
        ("src/models/post.js", 2, "mongoose.model"),
        ("src/routes/users.ts", 5, "User (mongoose.model)"),
        ("src/routes/users.ts", 6, "Audit (mongoose.model)"),
        ("src/routes/users.ts", 9, "User (mongoose.model)"),
        ("src/routes/posts.js", 3, "Post (mongoose.model)"),
    }
